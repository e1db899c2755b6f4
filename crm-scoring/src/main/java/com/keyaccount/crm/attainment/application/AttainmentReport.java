package com.keyaccount.crm.attainment.application;

import com.keyaccount.crm.scoring.schedule.Attainment.Tally;
import com.keyaccount.crm.scoring.service.ServiceKpi;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.util.List;

/**
 * 达成率 for a period: per account manager and per tier, contacts and on-site visits required by
 * the quotas against those made, complaints answered and resolved on time and the satisfaction
 * surveys answered, and the customers below quota for the chosen manager.
 */
public record AttainmentReport(LocalDate from, LocalDate to, Long manager, int quotaVersion, List<Line> byManager,
        List<Line> byTier, Line total, List<Shortfall> belowQuota, long belowQuotaTotal,
        List<Shortfall> overServiced) {

    /**
     * One row of a table: a manager (tier null) or a tier (manager null), with its service
     * (complaints on time, satisfaction) beside contacts and visits.
     */
    public record Line(Long managerId, String managerName, Tier tier, long customers, Tally contacts, Tally visits,
            long customersBelowQuota, ServiceKpi service) {
    }

    /** A customer with what was required and made in the period (or, when over-serviced, in the last 30 days). */
    public record Shortfall(long customerId, String code, String name, Tier tier, String ownerName,
            int contactsRequired, int contactsMade, int visitsRequired, int visitsMade) {

        int missing() {
            return Math.max(0, contactsRequired - contactsMade) + Math.max(0, visitsRequired - visitsMade);
        }
    }
}
