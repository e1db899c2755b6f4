package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.CustomerShareBands;
import jakarta.persistence.Converter;

/** Stores a policy's cuts by share of customers as JSON; a policy from before the method has none. */
@Converter
class CustomerShareBandsJson extends JsonColumn<CustomerShareBands> {

    CustomerShareBandsJson() {
        super(CustomerShareBands.class);
    }

    @Override
    public CustomerShareBands convertToEntityAttribute(String json) {
        return json == null ? CustomerShareBands.DEFAULT : super.convertToEntityAttribute(json);
    }
}
