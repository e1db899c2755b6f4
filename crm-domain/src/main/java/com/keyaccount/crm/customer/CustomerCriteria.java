package com.keyaccount.crm.customer;

import com.keyaccount.crm.tier.Tier;

/** Filters of the customer list; every field is optional. */
public record CustomerCriteria(
        String text, Tier tier, Region region, Industry industry, Long ownerId, CustomerStatus status) {
}
