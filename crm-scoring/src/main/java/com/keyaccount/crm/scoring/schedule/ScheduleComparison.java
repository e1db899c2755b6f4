package com.keyaccount.crm.scoring.schedule;

import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tallies, customer by customer, how the due dates under proposed rules compare with those
 * under the rules in force: counts per tier and shift, how many would turn overdue today, and
 * the first {@code sampleSize} customers whose date moves. Memory stays bounded whatever the
 * number of customers fed in, so a preview can stream the whole book.
 */
public final class ScheduleComparison {

    private final LocalDate today;
    private final int sampleSize;
    private final Map<Tier, int[]> counts = new EnumMap<>(Tier.class);
    private final List<Moved> sample = new ArrayList<>();
    private int newlyOverdue;
    private int moved;

    public ScheduleComparison(LocalDate today, int sampleSize) {
        this.today = today;
        this.sampleSize = sampleSize;
        for (Tier tier : Tier.values()) {
            counts.put(tier, new int[DueShift.values().length]);
        }
    }

    public void add(long customerId, Tier tier, LocalDate current, LocalDate proposed) {
        DueShift shift = DueShift.of(current, proposed);
        counts.get(tier)[shift.ordinal()]++;
        if (shift == DueShift.UNCHANGED) {
            return;
        }
        moved++;
        if (isOverdue(proposed) && !isOverdue(current)) {
            newlyOverdue++;
        }
        if (sample.size() < sampleSize) {
            sample.add(new Moved(customerId, tier, current, proposed, shift));
        }
    }

    /** Overdue = due before today, as on My day. */
    private boolean isOverdue(LocalDate due) {
        return due != null && due.isBefore(today);
    }

    public int count(Tier tier, DueShift shift) {
        return counts.get(tier)[shift.ordinal()];
    }

    public int total(DueShift shift) {
        int total = 0;
        for (Tier tier : Tier.values()) {
            total += count(tier, shift);
        }
        return total;
    }

    public int customers() {
        return total(DueShift.EARLIER) + total(DueShift.LATER) + total(DueShift.UNCHANGED);
    }

    /** Customers not overdue under the rules in force that would be overdue under the proposed ones. */
    public int newlyOverdue() {
        return newlyOverdue;
    }

    /** Customers whose date moves, in the order fed in; at most {@code sampleSize}. */
    public List<Moved> sample() {
        return List.copyOf(sample);
    }

    /** Whether more customers moved than the sample holds. */
    public boolean sampleTruncated() {
        return moved > sample.size();
    }

    public LocalDate today() {
        return today;
    }

    /** One customer whose due date moves. */
    public record Moved(long customerId, Tier tier, LocalDate current, LocalDate proposed, DueShift shift) {
    }
}
