package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Which prospects the funnel counts (the books seen, one manager's of them, one region) and over
 * which days its flows run ({@code from} through {@code to}, business days); a prospect is stuck
 * when its stage has not changed for {@code stuckDays}. An account manager's filter is always
 * their own book, whatever owner they ask for. {@code owner} is the one book shown, if one.
 */
public record FunnelFilter(Long owner, Region region, LocalDate from, LocalDate to, int stuckDays, Scope book) {

    public static final int DEFAULT_STUCK_DAYS = 30;
    public static final int MOST_STUCK_DAYS = 3650;

    public FunnelFilter {
        Objects.requireNonNull(book);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period ends before it begins");
        }
        if (stuckDays < 1 || stuckDays > MOST_STUCK_DAYS) {
            throw new IllegalArgumentException("stuck days out of range");
        }
    }

    /** One owner's book ({@code owner} null: the whole book). */
    public FunnelFilter(Long owner, Region region, LocalDate from, LocalDate to, int stuckDays) {
        this(owner, region, from, to, stuckDays, owner == null ? Scope.ALL : Scope.own(owner));
    }

    public static FunnelFilter of(Viewer viewer, Long owner, Region region, LocalDate from, LocalDate to,
            int stuckDays) {
        Scope book = viewer.book(owner);
        return new FunnelFilter(book.single() ? Long.valueOf(book.theOwner()) : null, region, from, to, stuckDays, book);
    }

    /** Everyone's prospects in every region: the whole book's fast paths apply. */
    boolean wholeBook() {
        return book.all() && region == null;
    }

    /** The filter's conditions on {@code customer c}, appending their arguments. */
    String where(List<Object> args) {
        return ProspectSql.scope(book, region, args);
    }
}
