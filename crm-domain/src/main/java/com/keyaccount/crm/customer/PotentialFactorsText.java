package com.keyaccount.crm.customer;

import java.util.stream.Collectors;

/** The table of factors as the audit log shows it: one readable value per part, old → new. */
public record PotentialFactorsText(String enabled, String rows, String columns, String scores) {

    public static PotentialFactorsText of(PotentialFactors f) {
        return new PotentialFactorsText(Boolean.toString(f.enabled()), factor(f.rows()), factor(f.columns()),
                f.scores().stream().map(row -> row.stream().map(String::valueOf).collect(Collectors.joining(" ")))
                        .collect(Collectors.joining(" / ")));
    }

    private static String factor(PotentialFactors.Factor factor) {
        return name(factor.name()) + ": " + factor.levels().stream().map(PotentialFactorsText::name)
                .collect(Collectors.joining(", "));
    }

    private static String name(PotentialFactors.Name name) {
        return name.zh() + " / " + name.en();
    }
}
