package com.keyaccount.crm.targets;

import java.util.List;

/** Targets out of range, each named by the person's row and the figure, so the form marks each one. */
public class TargetRefusedException extends RuntimeException {

    /**
     * {@code id} is the person's, or with {@code unit} the unit's; {@code field} is revenue, orders
     * or newKeyAccounts; {@code code} the message.
     */
    public record Refusal(long userId, String field, String code, boolean unit) {

        public Refusal(long userId, String field, String code) {
            this(userId, field, code, false);
        }
    }

    private final List<Refusal> refusals;

    public TargetRefusedException(List<Refusal> refusals) {
        super(refusals.toString());
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
