package com.keyaccount.crm.prospect.editor;

/** Someone published a ladder since the admin started editing: theirs is not overwritten. */
public class StaleLadderException extends RuntimeException {

    private final int inForce;

    public StaleLadderException(int basedOn, int inForce) {
        super("the ladder was edited from version " + basedOn + ", and version " + inForce + " is in force now");
        this.inForce = inForce;
    }

    /** The version in force now. */
    public int inForce() {
        return inForce;
    }
}
