package com.keyaccount.crm.targets;

import java.util.List;

/** Targets out of range, each named by the person's row and the figure, so the form marks each one. */
public class TargetRefusedException extends RuntimeException {

    /** {@code field} is revenue, orders or newKeyAccounts; {@code code} the message. */
    public record Refusal(long userId, String field, String code) {
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
