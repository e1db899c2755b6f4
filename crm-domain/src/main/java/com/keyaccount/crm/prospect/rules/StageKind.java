package com.keyaccount.crm.prospect.rules;

/**
 * A stage's place in the ladder. {@link #LEAD}: where every prospect starts (A21);
 * {@link #STEP}: a rung on the way up; {@link #REFUSAL}: the side branch of a clear "no" (A31),
 * which needs a reason; {@link #WON}: the deal is done (A02) and the prospect becomes a customer;
 * {@link #CLOSED}: the deal is wound up (A01).
 */
public enum StageKind {
    LEAD,
    STEP,
    REFUSAL,
    WON,
    CLOSED
}
