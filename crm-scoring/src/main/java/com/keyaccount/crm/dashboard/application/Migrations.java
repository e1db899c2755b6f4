package com.keyaccount.crm.dashboard.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Tier migrations between two days: how many customers went from each tier (or none yet) on
 * {@code from} to each tier on {@code to}. {@code null} stands for "not yet classified".
 */
public record Migrations(LocalDate from, LocalDate to, Map<String, Map<String, Long>> cells) {

    /** Row and column order of the matrix. */
    public static final List<String> TIERS = List.of("A", "B", "C", "-");

    public long count(String fromTier, String toTier) {
        return cells.getOrDefault(fromTier, Map.of()).getOrDefault(toTier, 0L);
    }

    public long upgrades() {
        return sum(true);
    }

    public long downgrades() {
        return sum(false);
    }

    private long sum(boolean up) {
        long total = 0;
        for (String f : List.of("A", "B", "C")) {
            for (String t : List.of("A", "B", "C")) {
                if (up ? t.compareTo(f) < 0 : t.compareTo(f) > 0) {
                    total += count(f, t);
                }
            }
        }
        return total;
    }

    /** A customer behind a cell of the matrix. */
    public record Mover(long customerId, String code, String name, String owner, String fromTier, String toTier) {
    }
}
