package com.keyaccount.crm.scoring.schedule;

import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;

/** 达成率: contacts required by the quotas in a period against contacts made. */
public final class Attainment {

    private Attainment() {
    }

    /**
     * Contacts a customer of {@code tier} needs in the period [from, to] (both inclusive):
     * floor(days in period / interval) per channel group, 0 where the tier has no minimum.
     */
    public static Requirement required(Tier tier, VisitQuotas quotas, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Whether {@code contactsInLast30Days} exceeds the tier's "at most per 30 days" for any contact. */
    public static boolean overServiced(Tier tier, VisitQuotas quotas, int contactsInLast30Days) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Required contacts of one customer in a period. */
    public record Requirement(int anyContacts, int onSiteVisits) {
    }

    /**
     * Sums a book: required vs made, with each customer's made count capped at its requirement so
     * that over-servicing one customer cannot hide another that waits.
     */
    public static final class Tally {
        private long required;
        private long made;
        private long metContacts;

        public void add(int requiredContacts, int madeContacts) {
            throw new UnsupportedOperationException("TODO");
        }

        public long required() {
            return required;
        }

        /** All contacts made, uncapped. */
        public long made() {
            return made;
        }

        /** Contacts made that count toward the requirement (capped per customer). */
        public long counted() {
            return metContacts;
        }

        /** counted / required as a percentage (0..100), or null when nothing was required. */
        public Integer percent() {
            throw new UnsupportedOperationException("TODO");
        }
    }
}
