package com.keyaccount.crm.org;

/** The levels of the organisation, top down: a unit holds only units of a lower level. */
public enum UnitKind {
    COMPANY,
    PROVINCE,
    REGION,
    TEAM;

    public boolean mayHold(UnitKind child) {
        return child.ordinal() > ordinal();
    }
}
