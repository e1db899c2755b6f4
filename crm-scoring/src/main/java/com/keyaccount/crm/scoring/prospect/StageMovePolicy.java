package com.keyaccount.crm.scoring.prospect;

import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.scoring.prospect.MoveDecision.Allowed;
import com.keyaccount.crm.scoring.prospect.MoveDecision.Missing;
import com.keyaccount.crm.scoring.prospect.MoveDecision.Refusal;
import com.keyaccount.crm.scoring.prospect.MoveDecision.Refused;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a prospect may move from one stage to another (seed 003; issue 17):
 * <ul>
 * <li>up: the target and every stage skipped on the way must be met by the conditions that
 * hold — the refusal names, per stage, what is missing;</li>
 * <li>to the refusal branch (A31): its own conditions must hold, and a reason is required;</li>
 * <li>down, or back to the same height (e.g. out of a refusal to A08): allowed with a reason.</li>
 * </ul>
 * A stage the ladder no longer has counts as the bottom, so moving up from it checks every stage.
 */
public final class StageMovePolicy {

    private StageMovePolicy() {
    }

    public static MoveDecision decide(ProspectLadder ladder, String from, String to, Set<String> met,
            boolean reasonGiven) {
        Optional<StageDefinition> target = ladder.stage(to);
        if (target.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_STAGE, List.of());
        }
        if (to.equals(from)) {
            return new Refused(Refusal.SAME_STAGE, List.of());
        }
        StageDefinition stage = target.get();
        int fromLevel = ladder.level(from);
        if (stage.kind() == StageKind.REFUSAL) {
            List<Missing> missing = missingOf(List.of(stage), met);
            if (!missing.isEmpty()) {
                return new Refused(Refusal.CONDITIONS_MISSING, missing);
            }
            return reasonGiven ? new Allowed(stage, true) : new Refused(Refusal.REASON_REQUIRED, List.of());
        }
        if (ladder.level(to) <= fromLevel) {
            return reasonGiven ? new Allowed(stage, true) : new Refused(Refusal.REASON_REQUIRED, List.of());
        }
        List<Missing> missing = missingOf(ladder.climb(fromLevel, stage), met);
        return missing.isEmpty() ? new Allowed(stage, false) : new Refused(Refusal.CONDITIONS_MISSING, missing);
    }

    /**
     * A first order or payment from the ERP: a prospect below the won stage reaches it, whatever
     * was ticked, since the order is the evidence (A02 已采购). Above it (A01) nothing moves.
     */
    public static MoveDecision orderArrived(ProspectLadder ladder, String from) {
        StageDefinition won = ladder.ofKind(StageKind.WON).orElseThrow();
        if (ladder.level(from) >= ladder.level(won.code())) {
            return new Refused(Refusal.ALREADY_WON, List.of());
        }
        return new Allowed(won, false);
    }

    private static List<Missing> missingOf(List<StageDefinition> stages, Set<String> met) {
        List<Missing> missing = new ArrayList<>();
        for (StageDefinition s : stages) {
            if (!s.satisfiedBy(met)) {
                missing.add(new Missing(s, s.missing(met)));
            }
        }
        return missing;
    }
}
