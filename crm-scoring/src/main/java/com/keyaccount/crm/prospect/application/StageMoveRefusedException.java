package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.scoring.prospect.MoveDecision;

/** A move the ladder does not allow; {@link #refused()} says why and, per stage, what is missing. */
public class StageMoveRefusedException extends RuntimeException {

    private final transient MoveDecision.Refused refused;

    StageMoveRefusedException(MoveDecision.Refused refused) {
        super("stage move refused: " + refused.refusal());
        this.refused = refused;
    }

    public MoveDecision.Refused refused() {
        return refused;
    }
}
