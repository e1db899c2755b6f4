package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.dashboard.application.KeyFigures.Month;
import com.keyaccount.crm.dashboard.application.Overview;
import java.time.LocalDate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where each figure of the overview leads: the customer list filtered to exactly the customers
 * the figure counts — the overview's filters, and with a product line its scope (the customers
 * holding a tier on that line when the policy ranks per line, else those with sales lines on it
 * in the window) — plus the figure's own group.
 */
public final class DrillLinks {

    private final String context;
    private final DashboardQuery query;
    private final Overview overview;
    private final boolean ownerFilter;

    DrillLinks(String context, DashboardQuery query, Overview overview, boolean ownerFilter) {
        this.context = context;
        this.query = query;
        this.overview = overview;
        this.ownerFilter = ownerFilter;
    }

    /** Every customer the overview counts. */
    public String customers() {
        return scoped().toUriString();
    }

    /** Those with a sales line (sale, credit note or return) in the window: the customers behind the revenue. */
    public String withSales() {
        UriComponentsBuilder b = scoped();
        if (query.getProductLine() == null || overview.lineTiers()) {
            sales(b, overview.from(), overview.to());
        }
        return b.toUriString();
    }

    /** {@code key} null: not yet classified. */
    public String tier(String key) {
        return (key == null ? scoped().queryParam("unclassified", true) : scoped().queryParam("tier", key)).toUriString();
    }

    public String region(String key) {
        return key == null ? customers() : scoped().replaceQueryParam("region", key).toUriString();
    }

    public String industry(String key) {
        return key == null ? customers() : scoped().replaceQueryParam("industry", key).toUriString();
    }

    /** Customers, not lost, with a follow-up due before today. */
    public String overdue() {
        return scoped().queryParam("overdue", true).toUriString();
    }

    /** Customers with a sales line in the month (on the product line, with one): the trend's month. */
    public String month(Month month) {
        UriComponentsBuilder b = base();
        sales(b, month.first(), month.last());
        return b.toUriString();
    }

    /** The churn page for the same customers (it has no product line: churn signals read all sales). */
    public String churn() {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(context + "/dashboard/churn");
        filters(b);
        return b.toUriString();
    }

    private UriComponentsBuilder scoped() {
        UriComponentsBuilder b = base();
        Long line = query.getProductLine();
        if (line != null) {
            if (overview.lineTiers()) {
                b.queryParam("line", line);
            } else {
                sales(b, overview.from(), overview.to());
            }
        }
        return b;
    }

    private void sales(UriComponentsBuilder b, LocalDate from, LocalDate to) {
        b.queryParam("soldFrom", from).queryParam("soldTo", to);
        if (query.getProductLine() != null) {
            b.queryParam("soldLine", query.getProductLine());
        }
    }

    private UriComponentsBuilder base() {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(context + "/customers");
        filters(b);
        return b;
    }

    private void filters(UriComponentsBuilder b) {
        if (query.getRegion() != null) {
            b.queryParam("region", query.getRegion());
        }
        if (query.getIndustry() != null) {
            b.queryParam("industry", query.getIndustry());
        }
        if (ownerFilter && query.getOwner() != null) {
            b.queryParam("owner", query.getOwner());
        }
    }
}
