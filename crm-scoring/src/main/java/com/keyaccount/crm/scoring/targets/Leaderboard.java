package com.keyaccount.crm.scoring.targets;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order people stand in for a period: by revenue attained against target, highest first;
 * people without a revenue target after everyone with one; ties by revenue, then by name.
 */
public final class Leaderboard {

    private Leaderboard() {
    }

    public static <T> List<T> ranked(List<T> people, Function<T, Measure> revenue, Function<T, String> name) {
        Comparator<T> byAttained = Comparator.comparing((T p) -> revenue.apply(p).attainedPercent(),
                Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
        return people.stream().sorted(byAttained
                .thenComparing((T p) -> revenue.apply(p).actual(), Comparator.reverseOrder())
                .thenComparing(name)).toList();
    }
}
