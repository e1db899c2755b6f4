package com.keyaccount.crm.attachment;

import com.keyaccount.crm.shared.RecordNotFoundException;

/** No such attachment, a deleted one, or one of a customer the viewer may not see: all answer alike. */
public class AttachmentNotFoundException extends RecordNotFoundException {

    public AttachmentNotFoundException(long id) {
        super("attachment " + id + " not found");
    }
}
