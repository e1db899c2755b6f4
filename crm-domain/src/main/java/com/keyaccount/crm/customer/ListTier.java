package com.keyaccount.crm.customer;

import com.keyaccount.crm.tier.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The customer list's tier order: one row per customer not deleted, with its owner and its tier in
 * force (NULL until first classified). Read only here: {@link CustomerStore#copyTiers} writes the
 * tier after every tier write, a database trigger the owner and the row itself (migration V54).
 */
@Entity
@Immutable
@Table(name = "customer_list_tier")
class ListTier {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "sort_tier")
    @Enumerated(EnumType.STRING)
    private Tier sortTier;

    protected ListTier() {
    }
}
