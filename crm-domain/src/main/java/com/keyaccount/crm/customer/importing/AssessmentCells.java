package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.customer.Adoption;
import com.keyaccount.crm.customer.PotentialFactors;
import com.keyaccount.crm.importing.Cells;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The optional potential and adoption cells of a customer line (issue 16, seed 003's nine-grid):
 * {@code potential} a whole number 1–9 or, where the admin scores potential by two factors, the
 * level of each ({@code potential_row}, {@code potential_column}), {@code adoption} its code or its words. Unlike the other
 * optional cells an empty one keeps what is stored: an assessment is made by hand, customer by
 * customer, and a file of profiles must not wipe it.
 */
final class AssessmentCells {

    static final String POTENTIAL = "potential";
    static final String ADOPTION = "adoption";
    /** The level of the potential table's first factor (its rows) and second (its columns). */
    static final String POTENTIAL_ROW = "potential_row";
    static final String POTENTIAL_COLUMN = "potential_column";

    /**
     * Headers people's sheets use besides our labels (潜力 / Potential, 使用情况 / Adoption): seed
     * 003's 处方程度 and its variants.
     */
    static final Map<String, String> OTHER_HEADERS = Map.of("潜力分", POTENTIAL, "使用程度", ADOPTION,
            "处方程度", ADOPTION);

    /**
     * Short words for adoption typed beside the labels the pages show (首选, 次选, 使用竞品, 尚未使用 and
     * their English): the codes already read Preferred, Secondary and Competitor.
     */
    static final Map<String, Adoption> OTHER_ADOPTION_WORDS = Map.of("竞品", Adoption.COMPETITOR,
            "未使用", Adoption.NOT_USING, "not using", Adoption.NOT_USING);

    /** PotentialBand.MIN to MAX, whole: "7.0" or "07" is refused rather than guessed at. */
    private static final Pattern SCORE = Pattern.compile("[1-9]");

    /**
     * A line's potential and adoption; each null when its cell is empty or its column absent. With
     * factor levels ({@code row}, {@code column}, 0-based) the potential is the table's score.
     */
    record Assessment(Integer potential, Adoption adoption, Integer row, Integer column) {

        static final Assessment NONE = new Assessment(null, null, null, null);
    }

    private final Labels<Adoption> adoptions;
    private final PotentialFactors factors;

    AssessmentCells(Labels<Adoption> adoptions, PotentialFactors factors) {
        this.adoptions = adoptions.alsoReading(OTHER_ADOPTION_WORDS);
        this.factors = factors;
    }

    /**
     * The headers besides our labels, with the factors in force: a sheet heads the levels'
     * columns with the factors' own names (客户规模, Decision maker's position).
     */
    Map<String, String> otherHeaders() {
        Map<String, String> headers = new HashMap<>(OTHER_HEADERS);
        headers.put(factors.rows().name().zh(), POTENTIAL_ROW);
        headers.put(factors.rows().name().en(), POTENTIAL_ROW);
        headers.put(factors.columns().name().zh(), POTENTIAL_COLUMN);
        headers.put(factors.columns().name().en(), POTENTIAL_COLUMN);
        return headers;
    }

    /** The line's potential and adoption, reporting each bad cell. */
    Assessment parse(long lineNo, Map<String, String> cells, Consumer<LineError> errors) {
        Integer potential = null;
        String score = Cells.present(lineNo, cells, POTENTIAL, false, errors);
        if (score != null) {
            if (SCORE.matcher(score).matches()) {
                potential = Integer.valueOf(score);
            } else {
                errors.accept(new LineError(lineNo, POTENTIAL, score, Reason.BAD_POTENTIAL, null));
            }
        }
        Adoption adoption = null;
        String typed = Cells.present(lineNo, cells, ADOPTION, false, errors);
        if (typed != null) {
            Optional<Adoption> found = adoptions.find(typed);
            if (found.isEmpty()) {
                errors.accept(new LineError(lineNo, ADOPTION, typed, Reason.UNKNOWN_ADOPTION, null));
            }
            adoption = found.orElse(null);
        }
        Integer row = level(lineNo, cells, POTENTIAL_ROW, factors.rows(), errors);
        Integer column = level(lineNo, cells, POTENTIAL_COLUMN, factors.columns(), errors);
        if (row != null && column != null) {
            if (!factors.enabled()) {
                errors.accept(new LineError(lineNo, POTENTIAL_ROW, cells.get(POTENTIAL_ROW), Reason.POTENTIAL_FACTORS_OFF,
                        null));
            } else if (potential != null && potential != factors.score(row, column)) {
                errors.accept(new LineError(lineNo, POTENTIAL, score, Reason.POTENTIAL_DISAGREES,
                        String.valueOf(factors.score(row, column))));
            }
            potential = factors.score(row, column);
        } else if (Cells.blank(cells.get(POTENTIAL_ROW)) != Cells.blank(cells.get(POTENTIAL_COLUMN))) {
            // one level typed, the other's cell empty (an unknown level has been said already)
            String missing = Cells.blank(cells.get(POTENTIAL_ROW)) ? POTENTIAL_ROW : POTENTIAL_COLUMN;
            errors.accept(new LineError(lineNo, missing, null, Reason.POTENTIAL_LEVEL_ALONE, null));
            row = null;
            column = null;
        }
        return potential == null && adoption == null ? Assessment.NONE
                : new Assessment(potential, adoption, row, column);
    }

    /** A factor's level: its name in either language (any case), or its place 1 to 3; null when blank or unknown. */
    private static Integer level(long lineNo, Map<String, String> cells, String column, PotentialFactors.Factor factor,
            Consumer<LineError> errors) {
        String typed = Cells.present(lineNo, cells, column, false, errors);
        if (typed == null) {
            return null;
        }
        for (int i = 0; i < factor.levels().size(); i++) {
            PotentialFactors.Name name = factor.levels().get(i);
            if (typed.equalsIgnoreCase(name.zh()) || typed.equalsIgnoreCase(name.en())
                    || typed.equals(String.valueOf(i + 1))) {
                return i;
            }
        }
        errors.accept(new LineError(lineNo, column, typed, Reason.UNKNOWN_POTENTIAL_LEVEL, null));
        return null;
    }
}
