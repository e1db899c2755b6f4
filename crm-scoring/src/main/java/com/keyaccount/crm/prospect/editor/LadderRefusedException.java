package com.keyaccount.crm.prospect.editor;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.List;

/**
 * The ladder cannot be published as it is: its own violations, or a stage that prospects stand
 * on would go. The form checks first; this answers what changed between its check and the
 * publication, and a restored version that no longer fits.
 */
public class LadderRefusedException extends RuntimeException {

    private final List<Violation> violations;

    public LadderRefusedException(List<Violation> violations) {
        super("the ladder cannot be published: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
