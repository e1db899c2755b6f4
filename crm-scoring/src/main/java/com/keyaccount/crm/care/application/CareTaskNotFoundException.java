package com.keyaccount.crm.care.application;

import com.keyaccount.crm.shared.RecordNotFoundException;

/** No such care task, or one the viewer may not see: the same 404 either way. */
public class CareTaskNotFoundException extends RecordNotFoundException {

    public CareTaskNotFoundException(long id) {
        super("care task " + id);
    }
}
