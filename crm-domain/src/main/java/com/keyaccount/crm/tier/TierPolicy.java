package com.keyaccount.crm.tier;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.tier.rules.CustomerShareBands;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.tier.rules.Scorecard;
import com.keyaccount.crm.tier.rules.TierLadder;
import com.keyaccount.crm.tier.rules.TierMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A numbered, immutable rule set: the active method plus the parameters of all four methods,
 * so that switching method is itself a new version. Every computed tier records its version.
 */
@Entity
@Immutable
@Table(name = "tier_policy")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class TierPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int version;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private TierMethod method;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Measure measure = Measure.NET_REVENUE;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Scope scope = Scope.BOOK;

    /** With one ranking per product line: the line whose tier quotas follow; {@code null}: the best. */
    @Column(name = "quota_product_line_id")
    private Long quotaProductLineId;

    @Column(name = "window_months")
    private int windowMonths;

    @Column(name = "pareto_cutoff_a")
    private BigDecimal paretoCutoffA;

    @Column(name = "pareto_cutoff_b")
    private BigDecimal paretoCutoffB;

    @Convert(converter = ScorecardJson.class)
    private Scorecard scorecard;

    @Convert(converter = TierLadderJson.class)
    private TierLadder ladder = TierLadder.DEFAULT;

    @Convert(converter = CustomerShareBandsJson.class)
    @Column(name = "share_cuts")
    private CustomerShareBands shares = CustomerShareBands.DEFAULT;

    @Getter(AccessLevel.NONE)
    @Convert(converter = LowerBoundariesJson.class)
    @Column(name = "lower_boundaries")
    private LowerBoundaries lowerBoundaries = LowerBoundaries.NONE;

    @Column(name = "hard_orders_a")
    private long hardOrdersA;

    @Column(name = "hard_revenue_a")
    private BigDecimal hardRevenueA;

    @Column(name = "hard_orders_b")
    private long hardOrdersB;

    @Column(name = "hard_revenue_b")
    private BigDecimal hardRevenueB;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    private String note;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    /**
     * A new version with the given rules. Versions are never edited, only succeeded; one with an
     * effective date takes over from the version before it on that day.
     */
    public static TierPolicy publish(int version, RuleSet rules, LocalDate effectiveFrom, String by, String note,
            Instant now) {
        TierPolicy next = new TierPolicy();
        next.version = version;
        next.method = rules.method();
        next.measure = rules.measure();
        next.scope = rules.scope();
        next.quotaProductLineId = rules.quotaProductLineId();
        next.windowMonths = rules.windowMonths();
        next.paretoCutoffA = rules.pareto().a();
        next.paretoCutoffB = rules.pareto().b();
        next.scorecard = rules.scorecard();
        next.ladder = rules.ladder();
        next.shares = rules.shares();
        next.hardOrdersA = rules.hardRules().ordersForA();
        next.hardRevenueA = rules.hardRules().revenueForA();
        next.hardOrdersB = rules.hardRules().ordersForB();
        next.hardRevenueB = rules.hardRules().revenueForB();
        next.lowerBoundaries = new LowerBoundaries(rules.pareto().lower(), rules.hardRules().lower());
        next.effectiveFrom = effectiveFrom;
        next.createdAt = now;
        next.createdBy = by;
        next.note = note;
        return next;
    }

    /** This version's tier rules, with the churn thresholds that go with them. */
    public RuleSet rules(ChurnThresholds churn) {
        return new RuleSet(method, windowMonths, paretoCutoffs(), scorecard, hardRules(), churn, measure, scope,
                quotaProductLineId, ladder, shares);
    }

    /** This version's tier rules alone, for computing tiers (churn thresholds are no part of that). */
    public RuleSet tierRules() {
        return rules(ChurnThresholds.DEFAULT);
    }

    public boolean takesEffectAfter(LocalDate day) {
        return effectiveFrom != null && effectiveFrom.isAfter(day);
    }

    public ParetoCutoffs paretoCutoffs() {
        return new ParetoCutoffs(paretoCutoffA, paretoCutoffB, lowerBoundaries.pareto());
    }

    public HardRules hardRules() {
        return new HardRules(hardOrdersA, hardRevenueA, hardOrdersB, hardRevenueB, lowerBoundaries.hardRules());
    }
}
