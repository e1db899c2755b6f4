package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.scoring.schedule.DueRule;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;

/**
 * A customer on My day with what makes it due.
 *
 * @param workingDaysLate working days between the due date and today: positive when overdue,
 *                        negative when still ahead, 0 when due today
 */
public record DueCustomer(long customerId, String code, String name, Tier tier, LocalDate dueOn, DueRule rule,
        LocalDate basisOn, Integer intervalDays, LocalDate lastContactOn, LocalDate lastVisitOn,
        int workingDaysLate) {
}
