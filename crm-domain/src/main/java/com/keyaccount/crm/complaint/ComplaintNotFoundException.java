package com.keyaccount.crm.complaint;

import com.keyaccount.crm.shared.RecordNotFoundException;

/** No such complaint, or one of another manager's book: the same 404 either way. */
public class ComplaintNotFoundException extends RecordNotFoundException {

    public ComplaintNotFoundException(long id) {
        super("complaint " + id);
    }
}
