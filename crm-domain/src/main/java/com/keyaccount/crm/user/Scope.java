package com.keyaccount.crm.user;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whose books a user sees: every book (directors, admins), or the books of a set of owners —
 * an account manager's own, or a province or regional manager's and everyone's below them in
 * the organisation — and beside them the accounts whose service team the user is on. Every
 * page, export and API call narrows its customers by it: lists of customers and their records
 * by both, figures summed over books by the owners alone.
 * {@code owners} are the people whose books are seen; {@code books} those of them who own
 * customers now, which is all a query on customers needs (fifty people of whom one owns the
 * customers read as one book, with one book's plan).
 */
public record Scope(boolean all, Set<Long> owners, Set<Long> teamAccounts, Set<Long> books) {

    public static final Scope ALL = new Scope(true, Set.of(), Set.of(), Set.of());

    public Scope {
        owners = all ? Set.of() : Set.copyOf(new TreeSet<>(owners));
        teamAccounts = all ? Set.of() : Set.copyOf(new TreeSet<>(teamAccounts));
        books = all ? Set.of() : Set.copyOf(new TreeSet<>(books));
    }

    /** These people's books (each taken to own customers). */
    public static Scope of(Collection<Long> owners) {
        return new Scope(false, Set.copyOf(owners), Set.of(), Set.copyOf(owners));
    }

    /** These people's books, of which those in {@code books} own customers. */
    public static Scope of(Collection<Long> owners, Collection<Long> books) {
        return new Scope(false, Set.copyOf(owners), Set.of(), Set.copyOf(books));
    }

    public static Scope own(long owner) {
        return new Scope(false, Set.of(owner), Set.of(), Set.of(owner));
    }

    public Scope withTeamAccounts(Collection<Long> accounts) {
        return all ? this : new Scope(false, owners, Set.copyOf(accounts), books);
    }

    /** Sees the book of this owner (not only some of its accounts). */
    public boolean includes(long owner) {
        return all || owners.contains(owner);
    }

    /** Sees this customer: its owner's book, or its service team. */
    public boolean includes(long customer, long owner) {
        return includes(owner) || teamAccounts.contains(customer);
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
     * The condition on a customer's owner column (of a customer, follow-up, list row…), for SQL
     * the caller builds: the owners are numbers, so they are written into the statement rather
     * than bound (the lists are at most the users).
     */
    public String sql(String ownerColumn) {
        return all ? "TRUE" : in(ownerColumn, books);
    }

    /** As {@link #sql(String)}, and the accounts whose team the user is on, by the customer's id column. */
    public String sql(String ownerColumn, String customerColumn) {
        if (all || teamAccounts.isEmpty()) {
            return sql(ownerColumn);
        }
        return books.isEmpty() ? in(customerColumn, teamAccounts)
                : "(" + in(ownerColumn, books) + " OR " + in(customerColumn, teamAccounts) + ")";
    }

    /** The condition on a person's column (who handles, checked in, is listed), whether they own customers or not. */
    public String peopleSql(String personColumn) {
        return all ? "TRUE" : in(personColumn, owners);
    }

    private static String in(String column, Set<Long> ids) {
        if (ids.isEmpty()) {
            return "FALSE";
        }
        return column + (ids.size() == 1 ? " = " + ids.iterator().next()
                : " IN (" + ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")) + ")");
    }
}
