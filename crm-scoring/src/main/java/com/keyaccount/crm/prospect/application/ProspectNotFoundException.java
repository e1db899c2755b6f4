package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.shared.RecordNotFoundException;

/** The customer is not one the viewer may see, or it never was a prospect: a 404 either way. */
public class ProspectNotFoundException extends RecordNotFoundException {

    ProspectNotFoundException(long customerId) {
        super("prospect " + customerId);
    }
}
