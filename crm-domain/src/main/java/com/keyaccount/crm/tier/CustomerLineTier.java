package com.keyaccount.crm.tier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import lombok.AccessLevel;
import lombok.EqualsAndHashCode;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's tier on one product line, mapped only so that the customer list can filter by it
 * (pages read line tiers with their figures through {@link LineTierQueries}); written by the
 * tier engine's line store in crm-scoring.
 */
@Entity
@Immutable
@Table(name = "customer_line_tier")
@IdClass(CustomerLineTier.Key.class)
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CustomerLineTier {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Id
    @Column(name = "product_line_id")
    private Long productLineId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Tier tier;

    /** The row's identity: customer and product line. */
    @EqualsAndHashCode
    @NoArgsConstructor
    public static class Key implements Serializable {
        private Long customerId;
        private Long productLineId;
    }
}
