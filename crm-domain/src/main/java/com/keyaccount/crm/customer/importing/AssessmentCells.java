package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.customer.Adoption;
import com.keyaccount.crm.importing.Cells;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The optional potential and adoption cells of a customer line (issue 16, seed 003's nine-grid):
 * {@code potential} a whole number 1–9, {@code adoption} its code or its words. Unlike the other
 * optional cells an empty one keeps what is stored: an assessment is made by hand, customer by
 * customer, and a file of profiles must not wipe it.
 */
final class AssessmentCells {

    static final String POTENTIAL = "potential";
    static final String ADOPTION = "adoption";

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

    /** A line's potential and adoption; each null when its cell is empty or its column absent. */
    record Assessment(Integer potential, Adoption adoption) {

        static final Assessment NONE = new Assessment(null, null);
    }

    private final Labels<Adoption> adoptions;

    AssessmentCells(Labels<Adoption> adoptions) {
        this.adoptions = adoptions.alsoReading(OTHER_ADOPTION_WORDS);
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
        return potential == null && adoption == null ? Assessment.NONE : new Assessment(potential, adoption);
    }
}
