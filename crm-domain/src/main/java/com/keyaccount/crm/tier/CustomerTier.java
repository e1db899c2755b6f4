package com.keyaccount.crm.tier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
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

    private BigDecimal revenue;

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

    /** Fills in the Pareto explanation from the latest ranking (not stored with the row). */
    void explainBy(ParetoRankings.ParetoRank place) {
        this.rank = place.rank();
        this.rankedOf = place.rankedOf();
        this.shareBefore = place.shareBefore();
    }
}
