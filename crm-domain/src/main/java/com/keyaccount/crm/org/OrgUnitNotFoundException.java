package com.keyaccount.crm.org;

import com.keyaccount.crm.shared.RecordNotFoundException;

public class OrgUnitNotFoundException extends RecordNotFoundException {

    public OrgUnitNotFoundException(long id) {
        super("org unit " + id);
    }
}
