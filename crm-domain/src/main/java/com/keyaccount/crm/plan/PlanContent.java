package com.keyaccount.crm.plan;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.user.AppUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a plan says: its goals, the revenue it expects from the account in the quarter, the help it
 * asks of other departments (若需其他部门协助，则应提前提出要求) and its actions.
 */
public record PlanContent(String goals, BigDecimal expectedRevenue, String resources, List<Action> actions) {

    public static final int GOALS_MAX = 4000;
    public static final int RESOURCES_MAX = 2000;
    public static final int ACTION_MAX = 500;
    public static final int ACTIONS_MAX = 30;
    /** A director's comment on a plan (批示). */
    public static final int COMMENT_MAX = 2000;
    public static final BigDecimal REVENUE_MAX = new BigDecimal("999999999999.99");

    public PlanContent {
        actions = List.copyOf(actions);
    }

    /**
     * One action: what, by when, who. With a channel (a visit, a call…) the review finds it done
     * by that person's contact log at the account; without one it is checked by reading.
     */
    public record Action(String description, LocalDate dueOn, AppUser owner, Channel channel) {
    }
}
