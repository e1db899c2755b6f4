package com.keyaccount.crm.plan;

/**
 * Where a plan stands: written (draft), with the director (submitted), approved, or returned with
 * the director's comments to be reworked. Changing an approved plan makes it a draft again: seed
 * 000 lets a plan change only after the director has seen the change.
 */
public enum PlanStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED;

    /** Whether the author may change the plan in this state. */
    public boolean editable() {
        return this != SUBMITTED;
    }

    void require(String field, PlanStatus... allowed) {
        for (PlanStatus s : allowed) {
            if (s == this) {
                return;
            }
        }
        throw new PlanRefusedException(field, PlanRefusedException.WRONG_STATUS);
    }
}
