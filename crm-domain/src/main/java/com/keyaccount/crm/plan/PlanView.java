package com.keyaccount.crm.plan;

import com.keyaccount.crm.contactlog.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A plan as its page shows it: rows, not the entity, so a page cannot change it by accident. */
public record PlanView(long id, long customerId, Quarter quarter, long authorId, String authorName, PlanStatus status,
        String goals, BigDecimal expectedRevenue, String resources, Instant submittedAt, String decidedBy,
        Instant decidedAt, String decisionComment, Instant updatedAt, long version, List<ActionView> actions) {

    public record ActionView(String description, LocalDate dueOn, long ownerId, String ownerName, Channel channel) {
    }

    static PlanView of(AccountPlan p) {
        return new PlanView(p.getId(), p.getCustomer().getId(), p.quarter(), p.getAuthor().getId(),
                p.getAuthor().getDisplayName(), p.getStatus(), p.getGoals(), p.getExpectedRevenue(), p.getResources(),
                p.getSubmittedAt(), p.getDecidedBy(), p.getDecidedAt(), p.getDecisionComment(), p.getUpdatedAt(),
                p.getVersion(), p.getActions().stream().map(a -> new ActionView(a.getDescription(), a.getDueOn(),
                        a.getOwner().getId(), a.getOwner().getDisplayName(), a.getChannel())).toList());
    }
}
