package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.tier.rules.TierMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's computed tier with the figures that explain it, and an optional pinned tier
 * (高层指定) that wins until it expires. Read-only here: the tier engine's store in crm-scoring
 * writes the rows (the recompute in bulk, a pin one at a time), each move with its history row.
 */
@Entity
@Immutable
@Table(name = "customer_tier")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CustomerTier {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "effective_tier")
    private Tier effectiveTier;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "computed_tier")
    private Tier computedTier;

    @Column(name = "policy_version")
    private int policyVersion;

    @Column(name = "computed_at")
    private Instant computedAt;

    /** Net revenue of the window: sales less credit notes; zero or less ranks as zero. */
    private BigDecimal revenue;

    /** Gross margin of the window; {@code null} when no line carried one. */
    private BigDecimal margin;

    @Column(name = "order_count")
    private long orderCount;

    @Column(name = "avg_days_to_pay")
    private BigDecimal averageDaysToPay;

    private Integer score;

    @Column(name = "score_parts")
    private String scoreParts;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "pinned_tier")
    private Tier pinnedTier;

    @Column(name = "pinned_reason")
    private String pinnedReason;

    @Column(name = "pinned_until")
    private LocalDate pinnedUntil;

    @Column(name = "pinned_by")
    private String pinnedBy;

    @Column(name = "pinned_at")
    private Instant pinnedAt;

    /*
     * Pareto: the place in the latest ranking and the share of revenue before it. Not columns: the
     * ranking is stored once per recompute (ParetoRankings), and TierQueries fills these in.
     */
    @Transient
    private Integer rank;

    @Transient
    private Integer rankedOf;

    @Transient
    private BigDecimal shareBefore;

    /* What the row's policy version ranked by and over what: TierQueries fills these in. */
    @Transient
    private Measure measure = Measure.NET_REVENUE;

    @Transient
    private Scope scope = Scope.BOOK;

    @Transient
    private Long quotaProductLineId;

    @Transient
    private TierMethod method = TierMethod.PARETO;

    /** The figure the row's policy ranked by: net revenue or gross margin (none sent: zero). */
    public BigDecimal measuredValue() {
        BigDecimal value = measure == Measure.GROSS_MARGIN ? margin : revenue;
        return value == null ? BigDecimal.ZERO : value;
    }

    /**
     * The measured figure is zero or less although the customer traded in the window (or only
     * has credit notes): it ranked as zero, and the page says so.
     */
    public boolean countedAsZero() {
        return measuredValue().signum() < 0 || measuredValue().signum() == 0 && orderCount > 0;
    }

    public boolean perProductLine() {
        return scope == Scope.PRODUCT_LINE;
    }

    void rankedUnder(TierPolicy policy) {
        this.measure = policy.getMeasure();
        this.scope = policy.getScope();
        this.quotaProductLineId = policy.getQuotaProductLineId();
        this.method = policy.getMethod();
    }

    /** Whether the row's policy put customers in bands by their share of customers (seed 002). */
    public boolean bandedByShareOfCustomers() {
        return method == TierMethod.CUSTOMER_SHARE;
    }

    /** The share of the ranked customers placed above this one; {@code null} when it was not ranked. */
    public BigDecimal customersAbove() {
        return rank == null || rankedOf == null || rankedOf == 0 ? null
                : BigDecimal.valueOf(rank - 1L).divide(BigDecimal.valueOf(rankedOf), 4, RoundingMode.HALF_EVEN);
    }

    /** Fills in the Pareto explanation from the latest ranking (not stored with the row). */
    void explainBy(ParetoRankings.ParetoRank place) {
        this.rank = place.rank();
        this.rankedOf = place.rankedOf();
        this.shareBefore = place.shareBefore();
    }
}
