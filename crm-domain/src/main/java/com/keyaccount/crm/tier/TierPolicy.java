package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.Scorecard;
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
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A numbered, immutable rule set: the active method plus the parameters of all three methods,
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

    @Column(name = "window_months")
    private int windowMonths;

    @Column(name = "pareto_cutoff_a")
    private BigDecimal paretoCutoffA;

    @Column(name = "pareto_cutoff_b")
    private BigDecimal paretoCutoffB;

    @Convert(converter = ScorecardJson.class)
    private Scorecard scorecard;

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

    /**
     * The next version after {@code current}: the given method, window and Pareto cutoffs, the
     * scorecard and hard-rule floors carried over. Versions are never edited, only succeeded.
     */
    public static TierPolicy succeeding(TierPolicy current, TierMethod method, int windowMonths, ParetoCutoffs cutoffs,
            String by, String note, Instant now) {
        if (windowMonths < 1 || windowMonths > 60) {
            throw new IllegalArgumentException("the evaluation window must be 1 to 60 months");
        }
        TierPolicy next = new TierPolicy();
        next.version = current.version + 1;
        next.method = method;
        next.windowMonths = windowMonths;
        next.paretoCutoffA = cutoffs.a();
        next.paretoCutoffB = cutoffs.b();
        next.scorecard = current.scorecard;
        next.hardOrdersA = current.hardOrdersA;
        next.hardRevenueA = current.hardRevenueA;
        next.hardOrdersB = current.hardOrdersB;
        next.hardRevenueB = current.hardRevenueB;
        next.createdAt = now;
        next.createdBy = by;
        next.note = note;
        return next;
    }

    public ParetoCutoffs paretoCutoffs() {
        return new ParetoCutoffs(paretoCutoffA, paretoCutoffB);
    }

    public HardRules hardRules() {
        return new HardRules(hardOrdersA, hardRevenueA, hardOrdersB, hardRevenueB);
    }
}
