package com.keyaccount.crm.org;

/** A change the organisation's rules refuse; the page says why beside what was asked. */
public class OrgRefusedException extends RuntimeException {

    public enum Reason {
        /** a unit goes only below a unit of a higher level */
        LEVEL,
        /** a unit cannot move below itself or one of its own units */
        CYCLE,
        /** two units below one parent share no name */
        NAME_TAKEN,
        NAME_BLANK,
        NAME_TOO_LONG,
        /** control characters (NUL and the like) have no place in a name */
        NAME_INVALID,
        /** the company is the tree's root: it is not moved or deleted */
        COMPANY,
        /** a unit with units below it is not deleted: move or delete those first */
        HAS_UNITS,
        /** a unit whose people own customers is not deleted: their books go elsewhere first */
        OWNS_CUSTOMERS
    }

    private final Reason reason;

    public OrgRefusedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
