package com.keyaccount.crm.scoring.churn;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One customer's service as the churn signals see it (issue 18), as of the scan.
 *
 * @param overdueComplaints  open complaints (received or answered) past a deadline they have not
 *                           met: not answered in time, or not resolved in time
 * @param oldestMissedOn     the day the earliest of those deadlines passed, or null when none
 * @param satisfactionBefore the score (0–100) of the scored survey before the latest, or null
 * @param satisfactionLatest the latest scored survey's score, or null
 * @param latestSurveyOn     the day of the latest scored survey, or null
 */
public record ServiceFigures(int overdueComplaints, LocalDate oldestMissedOn, BigDecimal satisfactionBefore,
        BigDecimal satisfactionLatest, LocalDate latestSurveyOn) {

    public static final ServiceFigures NONE = new ServiceFigures(0, null, null, null, null);
}
