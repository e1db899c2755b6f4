package com.keyaccount.crm.prospect;

import com.keyaccount.crm.prospect.rules.ProspectLadder;
import java.time.Instant;
import java.util.List;

/**
 * The prospect side of a customer import (its optional columns {@code stage}, {@code close_class}
 * and {@code expected_monthly_value}): the ladder the lines are checked against, and the writing
 * of the staged lines' stages and grades. The customer import asks; the prospect ladder's
 * application service in crm-scoring answers, set-based, through the one writer of the
 * prospect tables.
 */
public interface ImportedProspects {

    /** The stage history's reason of a stage set by an import, stored as these words (shown translated). */
    String IMPORTED = "imported";

    /** The ladder in force, read once per file. */
    Ladder ladder();

    /** A ladder and its version (0: the seed's). */
    record Ladder(int version, ProspectLadder ladder) {
    }

    /**
     * Applies the prospect columns of import {@code importId}'s staged lines, in the caller's
     * transaction, after its customers were written: a changed stage becomes a stage change by
     * {@code actor} with the reason {@value #IMPORTED} (the ladder's conditions are not checked),
     * a changed grade is saved; both audited. A column the file has replaces the stored value on
     * every prospect line (an empty cell clears a grade; an empty stage keeps the stage).
     *
     * @return the customers whose grade changed, whose follow-up schedule must follow
     */
    List<Long> apply(String actor, long importId, Ladder ladder, Columns columns, Instant now);

    /** Which of the optional prospect columns the file has. */
    record Columns(boolean stage, boolean closeClass, boolean expectedMonthlyValue) {

        public boolean any() {
            return stage || closeClass || expectedMonthlyValue;
        }

        public boolean grade() {
            return closeClass || expectedMonthlyValue;
        }
    }
}
