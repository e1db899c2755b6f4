package com.keyaccount.crm.architecture.violations.store;

/** A deliberate violation: a table's writer that any other feature could call. */
public class OpenStore {

    public void write() {
        // writes its table
    }
}
