package com.keyaccount.crm.shared;

/**
 * Something asked for by id or number that does not exist (or that the viewer may not know of);
 * the web layer answers it with the same 404 page as a missing customer.
 */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String what) {
        super(what);
    }
}
