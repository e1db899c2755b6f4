package com.keyaccount.crm.scoring.prospect;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The median of whole numbers of days given as how many times each occurs (a histogram, as a
 * grouped query returns it): the middle value, or the mean of the two middle ones for an even
 * count. Exact, without the values themselves.
 */
public final class DayMedian {

    private DayMedian() {
    }

    /** Null for no values. */
    public static Double of(Map<Integer, Long> counts) {
        SortedMap<Integer, Long> sorted = new TreeMap<>(counts);
        long n = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        // the 1-based positions of the middle value(s)
        long lower = (n + 1) / 2;
        long upper = n / 2 + 1;
        Integer low = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
            seen += e.getValue();
            if (low == null && seen >= lower) {
                low = e.getKey();
            }
            if (seen >= upper) {
                return (low + e.getKey()) / 2.0;
            }
        }
        throw new IllegalStateException("unreachable: the counts add up to " + n);
    }
}
