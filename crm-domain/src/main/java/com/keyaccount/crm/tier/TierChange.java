package com.keyaccount.crm.tier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One move of a customer's effective tier (升级 / 降级), as history. */
@Entity
@Immutable
@Table(name = "tier_change")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class TierChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id")
    private long customerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "from_tier")
    private Tier fromTier;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "to_tier")
    private Tier toTier;

    @Column(name = "policy_version")
    private Integer policyVersion;

    @Column(name = "changed_at")
    private Instant changedAt;

    private String reason;

    @Column(name = "run_id")
    private Long runId;
}
