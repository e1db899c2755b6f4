package com.keyaccount.crm.plan;

import com.keyaccount.crm.contactlog.Channel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A plan as its author typed it: actions name their owners by id. */
public record PlanDraft(String goals, BigDecimal expectedRevenue, String resources, List<ActionDraft> actions) {

    public PlanDraft {
        actions = List.copyOf(actions);
    }

    public record ActionDraft(String description, LocalDate dueOn, Long ownerId, Channel channel) {
    }
}
