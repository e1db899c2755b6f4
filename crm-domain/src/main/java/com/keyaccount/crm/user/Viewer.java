package com.keyaccount.crm.user;

/**
 * Who is asking: the use cases take it as a parameter so that ownership rules are enforced
 * in one place, independent of the web layer's security types.
 */
public record Viewer(long userId, String username, Role role, String displayName) {

    public Viewer(long userId, String username, Role role) {
        this(userId, username, role, username);
    }

    public boolean canSee(long ownerId) {
        return role.seesAllCustomers() || ownerId == userId;
    }

    public boolean canDeleteCustomers() {
        return role.seesAllCustomers();
    }

    public boolean canReassignCustomers() {
        return role.seesAllCustomers();
    }
}
