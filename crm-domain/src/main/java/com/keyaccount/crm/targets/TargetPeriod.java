package com.keyaccount.crm.targets;

import com.keyaccount.crm.plan.Quarter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year or a quarter that targets are set for, written {@code 2026} or {@code 2026-Q4} in
 * addresses. {@code quarter} is null for a whole year.
 */
public record TargetPeriod(int year, Integer quarter) {

    public enum Kind {
        YEAR, QUARTER
    }

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

    public TargetPeriod {
        if (year < 1900 || year > 9999 || quarter != null && (quarter < 1 || quarter > 4)) {
            throw new IllegalArgumentException("no such period: " + year + "-Q" + quarter);
        }
    }

    public static TargetPeriod year(int year) {
        return new TargetPeriod(year, null);
    }

    public static TargetPeriod of(Quarter quarter) {
        return new TargetPeriod(quarter.year(), quarter.number());
    }

    public static Optional<TargetPeriod> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        return year < 1900 ? Optional.empty()
                : Optional.of(new TargetPeriod(year, m.group(2) == null ? null : Integer.parseInt(m.group(2))));
    }

    public Kind kind() {
        return quarter == null ? Kind.YEAR : Kind.QUARTER;
    }

    public LocalDate first() {
        return quarter == null ? LocalDate.of(year, 1, 1) : new Quarter(year, quarter).first();
    }

    public LocalDate last() {
        return quarter == null ? LocalDate.of(year, 12, 31) : new Quarter(year, quarter).last();
    }

    public TargetPeriod yearBefore() {
        return new TargetPeriod(year - 1, quarter);
    }

    public TargetPeriod previous() {
        return quarter == null ? year(year - 1) : of(new Quarter(year, quarter).previous());
    }

    public TargetPeriod next() {
        return quarter == null ? year(year + 1) : of(new Quarter(year, quarter).next());
    }

    @Override
    public String toString() {
        return quarter == null ? String.valueOf(year) : year + "-Q" + quarter;
    }
}
