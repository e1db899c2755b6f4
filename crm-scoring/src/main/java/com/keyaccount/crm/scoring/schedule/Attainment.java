package com.keyaccount.crm.scoring.schedule;

import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** 达成率: contacts required by the quotas in a period against contacts made. */
public final class Attainment {

    private Attainment() {
    }

    /**
     * Contacts a customer of {@code tier} needs in the period [from, to] (both inclusive):
     * floor(days in period / interval) per channel group, 0 where the tier has no minimum.
     * Flooring means a period shorter than the interval requires nothing: a contact is only owed
     * once a whole interval fits in the period.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to}
     */
    public static Requirement required(Tier tier, VisitQuotas quotas, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("period starts " + from + " after it ends " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        TierCadence cadence = quotas.of(tier);
        return new Requirement(times(cadence.anyContact(), days), times(cadence.onSiteVisit(), days));
    }

    private static int times(Cadence cadence, long days) {
        return cadence.hasMinimum() ? Math.toIntExact(days / cadence.atLeastEveryDays()) : 0;
    }

    /** Whether {@code contactsInLast30Days} exceeds the tier's "at most per 30 days" for any contact. */
    public static boolean overServiced(Tier tier, VisitQuotas quotas, int contactsInLast30Days) {
        Integer most = quotas.of(tier).anyContact().atMostPer30Days();
        return most != null && contactsInLast30Days > most;
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

        /** @throws IllegalArgumentException when either count is negative */
        public void add(int requiredContacts, int madeContacts) {
            if (requiredContacts < 0 || madeContacts < 0) {
                throw new IllegalArgumentException(
                        "counts cannot be negative: required " + requiredContacts + ", made " + madeContacts);
            }
            required += requiredContacts;
            made += madeContacts;
            metContacts += Math.min(requiredContacts, madeContacts);
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

        /**
         * counted / required as a percentage (0..100) rounded down, so 100 means every requirement
         * was met; null when nothing was required.
         */
        public Integer percent() {
            return required == 0 ? null : (int) (metContacts * 100 / required);
        }
    }
}
