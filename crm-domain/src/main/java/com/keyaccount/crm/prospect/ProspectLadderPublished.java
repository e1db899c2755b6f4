package com.keyaccount.crm.prospect;

/**
 * A new version of the prospect ladder is in force (its close-class cadences may differ).
 * Published inside the publishing transaction; the follow-up schedule recomputes every graded
 * prospect once it has committed.
 */
public record ProspectLadderPublished(int version) {
}
