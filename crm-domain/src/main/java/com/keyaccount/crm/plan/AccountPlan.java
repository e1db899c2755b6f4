package com.keyaccount.crm.plan;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.user.AppUser;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A quarterly account plan (季度客户项目计划书): written by the account's owner, submitted to the
 * sales director, approved or returned with comments (批示). It only moves draft → submitted →
 * approved / returned; a returned or approved plan changed goes back to draft and must be submitted
 * again, and nobody decides on a plan they wrote. The last decision's comment stays on the plan
 * until the next one; every step is in the audit log.
 */
@Entity
@Table(name = "account_plan")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AccountPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Column(name = "quarter_start")
    private LocalDate quarterStart;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private AppUser author;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private PlanStatus status;

    private String goals;

    @Column(name = "expected_revenue")
    private BigDecimal expectedRevenue;

    private String resources;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<PlanAction> actions = new ArrayList<>();

    public AccountPlan(Customer customer, Quarter quarter, AppUser author, PlanContent content, Instant at) {
        this.customer = Objects.requireNonNull(customer);
        this.quarterStart = quarter.first();
        this.author = Objects.requireNonNull(author);
        this.status = PlanStatus.DRAFT;
        this.createdAt = at;
        write(content, at);
    }

    public Quarter quarter() {
        return Quarter.of(quarterStart);
    }

    /** The author's new text; an approved or returned plan becomes a draft to be submitted again. */
    public void revise(PlanContent content, Instant at) {
        status.require("goals", PlanStatus.DRAFT, PlanStatus.RETURNED, PlanStatus.APPROVED);
        write(content, at);
        this.status = PlanStatus.DRAFT;
    }

    /** To the director. A plan says what will be done: at least one action. */
    public void submit(Instant at) {
        status.require("submit", PlanStatus.DRAFT, PlanStatus.RETURNED);
        if (actions.isEmpty()) {
            throw new PlanRefusedException("actions", PlanRefusedException.NO_ACTIONS);
        }
        this.status = PlanStatus.SUBMITTED;
        this.submittedAt = at;
        this.updatedAt = at;
    }

    /** Back from the director before a decision, to be changed. */
    public void withdraw(Instant at) {
        status.require("withdraw", PlanStatus.SUBMITTED);
        this.status = PlanStatus.DRAFT;
        this.updatedAt = at;
    }

    /** The director's approval, with an optional comment (批示). */
    public void approve(AppUser director, String comment, Instant at) {
        decide(director, PlanChecks.one(c -> c.optional("comment", comment, PlanContent.COMMENT_MAX)), at);
        this.status = PlanStatus.APPROVED;
    }

    /** Back to the author with what to change: a comment is required. */
    public void returnForRework(AppUser director, String comment, Instant at) {
        decide(director, PlanChecks.one(c -> c.required("comment", comment, PlanContent.COMMENT_MAX)), at);
        this.status = PlanStatus.RETURNED;
    }

    private void decide(AppUser director, String comment, Instant at) {
        status.require("comment", PlanStatus.SUBMITTED);
        if (director == author || director.getId() != null && director.getId().equals(author.getId())) {
            throw new PlanRefusedException("comment", PlanRefusedException.OWN_PLAN);
        }
        this.decidedBy = director.getUsername();
        this.decidedAt = at;
        this.decisionComment = comment;
        this.updatedAt = at;
    }

    private void write(PlanContent content, Instant at) {
        PlanChecks checks = new PlanChecks();
        String newGoals = checks.required("goals", content.goals(), PlanContent.GOALS_MAX);
        String newResources = checks.optional("resources", content.resources(), PlanContent.RESOURCES_MAX);
        BigDecimal revenue = content.expectedRevenue();
        if (revenue != null && (revenue.signum() < 0 || revenue.compareTo(PlanContent.REVENUE_MAX) > 0)) {
            checks.refuse("expectedRevenue", "revenueRange");
        }
        if (content.actions().size() > PlanContent.ACTIONS_MAX) {
            checks.refuse("actions", "tooManyActions");
        }
        Quarter quarter = quarter();
        List<PlanAction> written = new ArrayList<>();
        for (int i = 0; i < content.actions().size(); i++) {
            PlanContent.Action a = content.actions().get(i);
            String field = "actions[" + i + "]";
            String what = checks.required(field + ".description", a.description(), PlanContent.ACTION_MAX);
            if (a.dueOn() == null) {
                checks.refuse(field + ".dueOn", PlanRefusedException.REQUIRED);
            } else if (!quarter.contains(a.dueOn())) {
                checks.refuse(field + ".dueOn", PlanRefusedException.OUTSIDE_QUARTER);
            }
            if (a.owner() == null) {
                checks.refuse(field + ".ownerId", PlanRefusedException.NOT_A_COLLEAGUE);
            }
            written.add(new PlanAction(this, i, new PlanContent.Action(what, a.dueOn(), a.owner(), a.channel())));
        }
        checks.throwIfAny();
        this.goals = newGoals;
        this.resources = newResources;
        this.expectedRevenue = revenue;
        actions.clear();
        actions.addAll(written);
        this.updatedAt = at;
    }
}
