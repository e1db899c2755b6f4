package com.keyaccount.crm.plan;

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

    private final String field;
    private final String code;

    public PlanRefusedException(String field, String code) {
        super(field + ": " + code);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
