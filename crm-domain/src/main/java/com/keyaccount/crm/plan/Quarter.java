package com.keyaccount.crm.plan;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026-Q4} in addresses (季度: plans are written per quarter). */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4 || year < 1900 || year > 9999) {
            throw new IllegalArgumentException("no such quarter: " + year + "-Q" + number);
        }
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter {@code text} names, or empty for anything else (an address typed by hand). */
    public static Optional<Quarter> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 1900) {
            return Optional.empty();
        }
        return Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    public LocalDate first() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate last() {
        return next().first().minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first()) && !day.isAfter(last());
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    /** The same quarter a year before: the seed's 历史同期 comparison. */
    public Quarter yearBefore() {
        return new Quarter(year - 1, number);
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
