package com.keyaccount.crm.followup.rules;

import com.keyaccount.crm.tier.Tier;

/**
 * Something an admin should know about one field of a quota set before publishing it.
 *
 * @param tier     the tier whose field it is
 * @param group    the channel group of that field
 * @param field    which of the two numbers
 * @param problem  what is wrong
 * @param value    the number the problem is about: the smallest allowed maximum for
 *                 {@link Problem#MAXIMUM_BELOW_MINIMUM}, the next tier's interval (null: no minimum)
 *                 for {@link Problem#LAXER_THAN_NEXT_TIER}
 * @param other    the tier compared with, for {@link Problem#LAXER_THAN_NEXT_TIER}; else null
 */
public record QuotaFinding(Tier tier, ChannelGroup group, Field field, Problem problem, Integer value, Tier other) {

    public enum Field {
        AT_LEAST_EVERY_DAYS,
        AT_MOST_PER_30_DAYS
    }

    public enum Problem {
        /** "At most M per 30 days" forbids the contacts "at least every N days" requires. */
        MAXIMUM_BELOW_MINIMUM(Severity.ERROR),
        /** A better tier would be contacted less often than the next one down. */
        LAXER_THAN_NEXT_TIER(Severity.WARNING);

        private final Severity severity;

        Problem(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }
    }

    /** Errors block saving; warnings are shown and may be published deliberately. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public boolean isError() {
        return problem.severity() == Severity.ERROR;
    }
}
