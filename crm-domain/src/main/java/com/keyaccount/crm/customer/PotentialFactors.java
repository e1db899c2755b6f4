package com.keyaccount.crm.customer;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A potential entered as its two factors (seed 003's 客户级别分值表: the hospital's level against
 * the doctor's title, each cell a score from 1 to 9). Where the admin turns it on, whoever
 * assesses a customer picks a level of each factor and the table gives the potential; otherwise
 * the potential is typed as a score.
 *
 * @param enabled whether potentials are entered as the two factors
 * @param rows    the first factor, its levels top first (the table's rows)
 * @param columns the second factor (the table's columns)
 * @param scores  the score of each row (outer) and column (inner), 1–9
 */
public record PotentialFactors(boolean enabled, Factor rows, Factor columns, List<List<Integer>> scores) {

    /** Levels per factor: the nine-grid is three by three, and so is the seed's table. */
    public static final int LEVELS = 3;
    public static final int LONGEST_NAME = 30;

    /** A factor and its levels, each named in Chinese and English. */
    public record Factor(Name name, List<Name> levels) {

        public Factor {
            Objects.requireNonNull(name, "name");
            levels = List.copyOf(levels);
        }
    }

    public record Name(String zh, String en) {

        public String in(Locale locale) {
            return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? zh : en;
        }
    }

    /** Seed 003's table, for a company's customers rather than hospitals; off until the admin turns it on. */
    public static final PotentialFactors DEFAULT = new PotentialFactors(false,
            new Factor(new Name("客户规模", "Customer size"), List.of(new Name("大型", "Large"),
                    new Name("中型", "Medium"), new Name("小型", "Small"))),
            new Factor(new Name("决策人职位", "Decision maker's position"), List.of(new Name("高层", "Senior"),
                    new Name("中层", "Middle"), new Name("基层", "Junior"))),
            List.of(List.of(9, 8, 5), List.of(7, 5, 3), List.of(3, 2, 1)));

    public PotentialFactors {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(columns, "columns");
        // a score may be missing as typed (a list of nulls allowed), which violations() says
        scores = scores.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    /** The potential of a customer at {@code row}'s level of the first factor and {@code column}'s of the second. */
    public int score(int row, int column) {
        return scores.get(row).get(column);
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        factor(found, "rows", rows);
        factor(found, "columns", columns);
        if (scores.size() != LEVELS || scores.stream().anyMatch(row -> row.size() != LEVELS)) {
            found.add(Violation.of("scores", "factors.scores.size", LEVELS));
            return found;
        }
        for (int r = 0; r < LEVELS; r++) {
            for (int c = 0; c < LEVELS; c++) {
                Integer score = scores.get(r).get(c);
                String at = "scores[" + r + "][" + c + "]";
                if (score == null) {
                    found.add(Violation.of(at, "factors.score.blank"));
                } else {
                    Violation.range(found, at, score, PotentialBand.MIN, PotentialBand.MAX);
                }
            }
        }
        return found;
    }

    private static void factor(List<Violation> found, String path, Factor factor) {
        name(found, path + ".name", factor.name(), null, null);
        if (factor.levels().size() != LEVELS) {
            found.add(Violation.of(path + ".levels", "factors.levels.size", LEVELS));
            return;
        }
        Set<String> zh = new HashSet<>();
        Set<String> en = new HashSet<>();
        for (int i = 0; i < LEVELS; i++) {
            name(found, path + ".levels[" + i + "]", factor.levels().get(i), zh, en);
        }
    }

    private static void name(List<Violation> found, String path, Name name, Set<String> zh, Set<String> en) {
        text(found, path + ".zh", name == null ? null : name.zh(), zh);
        text(found, path + ".en", name == null ? null : name.en(), en);
    }

    private static void text(List<Violation> found, String path, String text, Set<String> seen) {
        if (text == null || text.isBlank()) {
            found.add(Violation.of(path, "factors.name.blank"));
        } else if (text.strip().length() > LONGEST_NAME) {
            found.add(Violation.of(path, "factors.name.long", LONGEST_NAME));
        } else if (seen != null && !seen.add(text.strip().toLowerCase(Locale.ROOT))) {
            found.add(Violation.of(path, "factors.name.taken"));
        }
    }
}
