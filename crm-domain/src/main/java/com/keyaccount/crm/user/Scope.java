package com.keyaccount.crm.user;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whose books a user sees: every book (directors, admins), or the books of a set of owners —
 * an account manager's own, or a province or regional manager's and everyone's below them in
 * the organisation. Every page, export and API call narrows its customers by it.
 */
public record Scope(boolean all, Set<Long> owners) {

    public static final Scope ALL = new Scope(true, Set.of());

    public Scope {
        owners = all ? Set.of() : Set.copyOf(new TreeSet<>(owners));
    }

    public static Scope of(Collection<Long> owners) {
        return new Scope(false, Set.copyOf(owners));
    }

    public static Scope own(long owner) {
        return new Scope(false, Set.of(owner));
    }

    public boolean includes(long owner) {
        return all || owners.contains(owner);
    }

    /**
     * The books one asked-for owner narrows this scope to; an owner outside it (or none) leaves
     * the scope as it is, as a manager's own book always ignored a filter for someone else's.
     */
    public Scope narrowedTo(Long owner) {
        return owner != null && includes(owner) ? own(owner) : this;
    }

    /** One book only (a manager's own, or a filter on one owner): the fast paths keyed by owner take it. */
    public boolean single() {
        return !all && owners.size() == 1;
    }

    public long theOwner() {
        if (!single()) {
            throw new IllegalStateException("not one book: " + this);
        }
        return owners.iterator().next();
    }

    /**
     * The condition on an owner column, for SQL the caller builds: the owners are numbers, so
     * they are written into the statement rather than bound (the lists are at most the users).
     */
    public String sql(String ownerColumn) {
        if (all) {
            return "TRUE";
        }
        if (owners.isEmpty()) {
            return "FALSE";
        }
        return ownerColumn + (owners.size() == 1 ? " = " + owners.iterator().next()
                : " IN (" + owners.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")) + ")");
    }
}
