package com.keyaccount.crm.dashboard.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tier migrations between two days: how many customers went from each tier (or none yet) on
 * {@code from} to each tier on {@code to}. {@code null} stands for "not yet classified".
 */
public record Migrations(LocalDate from, LocalDate to, Map<String, Map<String, Long>> cells) {

    /** Every row or column the matrix may have, in order: the codes a ladder may use, then "not yet classified". */
    public static final List<String> TIERS = List.of("A", "B", "C", "D", "E", "-");

    /**
     * The rows and columns to show: the tiers of a ladder of {@code ladderSize}, any other tier a
     * customer was in (a longer ladder before), and "not yet classified".
     */
    public List<String> shown(int ladderSize) {
        return shown(ladderSize, cells);
    }

    /** The rows and columns of a matrix with nothing in it yet: the ladder's tiers and "not yet classified". */
    public static List<String> shownFor(int ladderSize) {
        return shown(ladderSize, Map.of());
    }

    private static List<String> shown(int ladderSize, Map<String, Map<String, Long>> cells) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < TIERS.size() - 1; i++) {
            String tier = TIERS.get(i);
            if (i < ladderSize || cells.containsKey(tier) || cells.values().stream().anyMatch(row -> row.containsKey(tier))) {
                shown.add(tier);
            }
        }
        shown.add("-");
        return shown;
    }

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
        List<String> tiers = TIERS.subList(0, TIERS.size() - 1);
        for (String f : tiers) {
            for (String t : tiers) {
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
