package com.keyaccount.crm.customer;

/** How a customer's location was set: coordinates typed in, the phone's position at the customer, or a file. */
public enum LocationSource {
    TYPED,
    DEVICE,
    IMPORTED
}
