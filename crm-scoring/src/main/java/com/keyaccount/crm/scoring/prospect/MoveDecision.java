package com.keyaccount.crm.scoring.prospect;

import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import java.util.List;

/** What {@link StageMovePolicy} says of a move: allowed, or refused with its reason. */
public sealed interface MoveDecision {

    boolean allowed();

    /** @param downgrade the move goes down (or out to the refusal branch) and so carries a reason */
    record Allowed(StageDefinition to, boolean downgrade) implements MoveDecision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /** @param missing per stage that is not met, lowest first, its conditions not met */
    record Refused(Refusal refusal, List<Missing> missing) implements MoveDecision {
        public Refused {
            missing = List.copyOf(missing);
        }

        @Override
        public boolean allowed() {
            return false;
        }
    }

    record Missing(StageDefinition stage, List<LadderCondition> conditions) {
        public Missing {
            conditions = List.copyOf(conditions);
        }
    }

    enum Refusal {
        /** The target is not a stage of the ladder in force. */
        UNKNOWN_STAGE,
        /** The prospect is already there. */
        SAME_STAGE,
        /** A stage on the way (or the target) is not met: see {@link Refused#missing()}. */
        CONDITIONS_MISSING,
        /** A downgrade or a refusal needs a reason, and none was given. */
        REASON_REQUIRED,
        /** An order moves a prospect to the won stage only from below it. */
        ALREADY_WON
    }
}
