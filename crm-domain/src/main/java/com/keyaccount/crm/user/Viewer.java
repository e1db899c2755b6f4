package com.keyaccount.crm.user;

/**
 * Who is asking: the use cases take it as a parameter so that ownership rules are enforced
 * in one place, independent of the web layer's security types. The scope is resolved from the
 * organisation at each request, so a move takes effect at the moved user's next click.
 */
public record Viewer(long userId, String username, Role role, String displayName, Scope scope) {

    public Viewer(long userId, String username, Role role, String displayName) {
        this(userId, username, role, displayName, role.seesAllCustomers() ? Scope.ALL : Scope.own(userId));
    }

    public Viewer(long userId, String username, Role role) {
        this(userId, username, role, username);
    }

    public Viewer withScope(Scope newScope) {
        return new Viewer(userId, username, role, displayName, newScope);
    }

    /** Sees the whole book of this owner. */
    public boolean canSee(long ownerId) {
        return scope.includes(ownerId);
    }

    /** Sees this customer: by its owner's book or by its service team. */
    public boolean canSee(long customerId, long ownerId) {
        return scope.includes(customerId, ownerId);
    }

    /** Sees more than their own book: a director, an admin, or a manager with people below them. */
    public boolean seesOthers() {
        return scope.all() || role.supervises();
    }

    /** The books shown when the page asks for one owner's (or for none: {@code null}). */
    public Scope book(Long requestedOwner) {
        return scope.narrowedTo(requestedOwner);
    }

    public boolean canDeleteCustomers() {
        return role.seesAllCustomers();
    }

    public boolean canReassignCustomers() {
        return role.seesAllCustomers();
    }
}
