package com.keyaccount.crm.plan;

import java.util.List;

/**
 * A plan step the rules do not allow: approving one's own plan, submitting a plan without goals,
 * writing a plan for an account that is not top-tier or for a quarter that is over. {@code field}
 * is the form field the message belongs beside, {@code code} the message.
 */
public class PlanRefusedException extends RuntimeException {

    public static final String WRONG_STATUS = "wrongStatus";
    public static final String OWN_PLAN = "ownPlan";
    public static final String NOT_TOP_TIER = "notTopTier";
    public static final String QUARTER_OVER = "quarterOver";
    public static final String TOO_FAR_AHEAD = "tooFarAhead";
    public static final String NOT_OWNER = "notOwner";
    public static final String NO_ACTIONS = "noActions";
    public static final String REQUIRED = "required";
    public static final String OUTSIDE_QUARTER = "outsideQuarter";
    public static final String NOT_A_COLLEAGUE = "notAColleague";

    /** One thing refused: the field it belongs beside and its message. */
    public record Refusal(String field, String code) {
    }

    private final List<Refusal> refusals;

    public PlanRefusedException(String field, String code) {
        this(List.of(new Refusal(field, code)));
    }

    /** Everything wrong with a plan at once, so a form shows each message beside its field. */
    public PlanRefusedException(List<Refusal> refusals) {
        super(refusals.toString());
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("nothing refused");
        }
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    public String field() {
        return refusals.get(0).field();
    }

    public String code() {
        return refusals.get(0).code();
    }
}
