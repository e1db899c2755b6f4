package com.keyaccount.crm.customer;

import com.keyaccount.crm.tier.Tier;

/**
 * Filters of the customer list; every field is optional. With a product line, {@code tier} is the
 * customer's tier on that line (without one: any tier there); without, its tier in force. The
 * {@code focus} narrows to the customers behind a figure on the dashboard's pages; {@code place}
 * to a province, or a city of it.
 */
public record CustomerCriteria(String text, Tier tier, Region region, Industry industry, Long ownerId,
        CustomerStatus status, Long productLineId, CustomerFocus focus, Place place) {

    public CustomerCriteria {
        focus = focus == null ? CustomerFocus.NONE : focus;
        place = place == null ? Place.NONE : place;
    }

    public CustomerCriteria(String text, Tier tier, Region region, Industry industry, Long ownerId,
            CustomerStatus status, Long productLineId, CustomerFocus focus) {
        this(text, tier, region, industry, ownerId, status, productLineId, focus, Place.NONE);
    }

    public CustomerCriteria(String text, Tier tier, Region region, Industry industry, Long ownerId,
            CustomerStatus status, Long productLineId) {
        this(text, tier, region, industry, ownerId, status, productLineId, CustomerFocus.NONE);
    }

    public CustomerCriteria(String text, Tier tier, Region region, Industry industry, Long ownerId,
            CustomerStatus status) {
        this(text, tier, region, industry, ownerId, status, null);
    }
}
