package com.keyaccount.crm.customer;

import com.keyaccount.crm.tier.Tier;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The customer's tier as the tier engine keeps it beside the customer: read here, never written
 * (the engine writes {@code customer_tier}; the list sorts by {@link ListTier}, its copy).
 */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class TierInForce {

    /** The tier in force (NULL until classified). */
    @Formula("(select t.effective_tier from customer_tier t where t.customer_id = id)")
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Tier tier;
}
