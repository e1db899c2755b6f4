package com.keyaccount.crm.dashboard.application;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.util.ArrayList;
import java.util.List;

/**
 * Which customers every figure on the dashboard counts: by region, industry and owner, and
 * which sales: one product line's, or all ({@code productLine} null). An account manager's filter
 * is always their own book, whatever owner they ask for. Pages other than the overview count
 * customers only and leave the product line aside.
 */
public record DashboardFilter(Region region, Industry industry, Long owner, Long productLine, Scope book) {

    public DashboardFilter(Region region, Industry industry, Long owner) {
        this(region, industry, owner, null);
    }

    /** One owner's book ({@code owner} null: the whole book). */
    public DashboardFilter(Region region, Industry industry, Long owner, Long productLine) {
        this(region, industry, owner, productLine, owner == null ? Scope.ALL : Scope.own(owner));
    }

    public static DashboardFilter of(Viewer viewer, Region region, Industry industry, Long owner) {
        return of(viewer, region, industry, owner, null);
    }

    /** {@code productLine} must be a product line that exists (the caller has checked it). */
    public static DashboardFilter of(Viewer viewer, Region region, Industry industry, Long owner, Long productLine) {
        Scope book = viewer.book(owner);
        return new DashboardFilter(region, industry, book.single() ? Long.valueOf(book.theOwner()) : null, productLine,
                book);
    }

    /** The WHERE clause over {@code customer c} (deleted ones never count) and its arguments. */
    public String where(List<Object> args) {
        StringBuilder sql = new StringBuilder("c.deleted = FALSE");
        if (region != null) {
            sql.append(" AND c.region = ?");
            args.add(region.name());
        }
        if (industry != null) {
            sql.append(" AND c.industry = ?");
            args.add(industry.name());
        }
        if (!book.all()) {
            sql.append(" AND ").append(book.sql("c.owner_id"));
        }
        return sql.toString();
    }

    List<Object> newArgs() {
        return new ArrayList<>();
    }
}
