package com.keyaccount.crm.scoring.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention's rule for the customers that were ever lost (a few percent of a book; the others
 * are counted by one grouped query). In a period, a customer counts as "there at the start" when
 * it was created before the period began, is not a prospect (unless it was lost during the period),
 * and was not lost before the period without being won back by its start. It counts as lost when
 * one of its losses falls in the period, and then under the manager and tier its loss recorded.
 */
public final class LostCustomerPeriods {

    private LostCustomerPeriods() {
    }

    /** A period: its first and last day, and the moment it began in the business zone. */
    public record Period(LocalDate from, LocalDate to, Instant start) {
    }

    /** One loss: when, when won back (or null), and the manager and tier it was recorded under (tier may be null). */
    public record Loss(LocalDate lostOn, LocalDate wonBackOn, long ownerId, String tier) {
    }

    /** A customer with at least one loss; {@code tier} is its tier in force now, or null. */
    public record Customer(long ownerId, String tier, Instant createdAt, boolean prospect, List<Loss> losses) {
    }

    public record Key(int period, long ownerId, String tier) {
    }

    /** Per period (by index), manager and tier: those there at the start and those lost. */
    public static Map<Key, RetentionRate> count(List<Period> periods, Collection<Customer> customers) {
        Map<Key, RetentionRate> counted = new LinkedHashMap<>();
        for (Customer c : customers) {
            for (int n = 0; n < periods.size(); n++) {
                Period p = periods.get(n);
                Loss during = lossDuring(c, p);
                if (!c.createdAt().isBefore(p.start()) || c.prospect() && during == null || goneBefore(c, p)) {
                    continue;
                }
                long owner = during == null ? c.ownerId() : during.ownerId();
                String tier = during != null && during.tier() != null ? during.tier()
                        : c.tier() != null ? c.tier() : "C";
                counted.merge(new Key(n, owner, tier), new RetentionRate(1, during == null ? 0 : 1),
                        RetentionRate::plus);
            }
        }
        return counted;
    }

    private static Loss lossDuring(Customer c, Period p) {
        for (Loss l : c.losses()) {
            if (!l.lostOn().isBefore(p.from()) && !l.lostOn().isAfter(p.to())) {
                return l;
            }
        }
        return null;
    }

    /** Lost before the period began and not won back by its first day. */
    private static boolean goneBefore(Customer c, Period p) {
        for (Loss l : c.losses()) {
            if (l.lostOn().isBefore(p.from()) && (l.wonBackOn() == null || !l.wonBackOn().isBefore(p.from()))) {
                return true;
            }
        }
        return false;
    }
}
