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
        List<Shortfall> overServiced, boolean verifiedOnly) {

    /**
     * One row of a table: a manager (tier null) or a tier (manager null), with its service
     * (complaints on time, satisfaction) beside contacts and visits. {@code visits} counts the
     * verified visits only when the report was asked for so ({@link #verifiedOnly}); {@code onSite}
     * has both counts.
     */
    public record Line(Long managerId, String managerName, Tier tier, long customers, Tally contacts, Tally visits,
            long customersBelowQuota, ServiceKpi service, OnSite onSite) {
    }

    /**
     * Evidence of the on-site visits (issue 23): all visits logged and those a check-in verified,
     * the time on site of verified check-ins with a check-out, and (a manager's row only; null
     * elsewhere) the distinct days with a verified visit of their own.
     */
    public record OnSite(long allVisits, long verifiedVisits, long secondsOnSite, Long daysAtCustomers) {

        /** Time on site in whole minutes (rounded down). */
        public long minutesOnSite() {
            return secondsOnSite / 60;
        }
    }

    /** A customer with what was required and made in the period (or, when over-serviced, in the last 30 days). */
    public record Shortfall(long customerId, String code, String name, Tier tier, String ownerName,
            int contactsRequired, int contactsMade, int visitsRequired, int visitsMade) {

        int missing() {
            return Math.max(0, contactsRequired - contactsMade) + Math.max(0, visitsRequired - visitsMade);
        }
    }
}
