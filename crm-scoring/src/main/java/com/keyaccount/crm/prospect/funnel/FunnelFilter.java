package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.user.Viewer;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Which prospects the funnel counts (one manager's book, one region) and over which days its
 * flows run ({@code from} through {@code to}, business days); a prospect is stuck when its stage
 * has not changed for {@code stuckDays}. An account manager's filter is always their own book,
 * whatever owner they ask for.
 */
public record FunnelFilter(Long owner, Region region, LocalDate from, LocalDate to, int stuckDays) {

    public static final int DEFAULT_STUCK_DAYS = 30;
    public static final int MOST_STUCK_DAYS = 3650;

    public FunnelFilter {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period ends before it begins");
        }
        if (stuckDays < 1 || stuckDays > MOST_STUCK_DAYS) {
            throw new IllegalArgumentException("stuck days out of range");
        }
    }

    public static FunnelFilter of(Viewer viewer, Long owner, Region region, LocalDate from, LocalDate to,
            int stuckDays) {
        return new FunnelFilter(book(viewer, owner), region, from, to, stuckDays);
    }

    /** The owner a viewer may filter on: anyone (or all) for directors and admins, a manager's own book. */
    static Long book(Viewer viewer, Long owner) {
        return viewer.role().seesAllCustomers() ? owner : Long.valueOf(viewer.userId());
    }

    /** The filter's conditions on {@code customer c}, appending their arguments. */
    String where(List<Object> args) {
        return ProspectSql.scope(owner, region, args);
    }
}
