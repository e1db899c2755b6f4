package com.keyaccount.crm.exporting;

import com.keyaccount.crm.user.Scope;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What can be exported, with its columns and query. {@code %s} in the query is where a manager's
 * visibility condition goes ({@code AND c.owner_id IN (…)}); the audit log is for directors and
 * admins only. Customers export in the columns the customer import reads, so a file round-trips.
 * Tiers' rank and share before come from the latest Pareto ranking, not a column: the query puts
 * the customer's id where the rank goes (see {@link #rankedAt()}). Revenue is net of credit notes
 * and returns (as the recompute stored it); beside it the window's credit notes and returns
 * (negative, already in the net) and gross margin (empty when no line carries one), over the
 * window of the tier policy in force, whose first and last day are the query's first two
 * parameters (see {@link #windowed()}).
 * With tiers per product line, a customer's line tiers go in one cell, as the customer list
 * shows them ("家电 A · 建材 C"). A potential entered as two factors' levels exports each level by
 * its place in the table (1 to 3), which the import reads back whatever the levels are named.
 */
public enum ExportKind {

    CUSTOMERS("customers", true, new String[] {"code", "name", "industry", "region", "owner", "phone", "address",
        "province", "city", "status", "lost_reason", "annual_sales", "employee_count", "tier", "latitude", "longitude", "potential",
        "adoption", "potential_row", "potential_column"}, """
            SELECT c.code, c.name, c.industry, c.region, u.username, c.phone, c.address, c.province_code, c.city_code,
                   c.status, c.lost_reason,
                   c.annual_sales, c.employee_count, t.effective_tier, c.latitude, c.longitude, c.potential,
                   c.adoption, c.potential_row + 1, c.potential_column + 1
            FROM customer c JOIN app_user u ON u.id = c.owner_id LEFT JOIN customer_tier t ON t.customer_id = c.id
            WHERE c.deleted = FALSE %s ORDER BY c.code"""),
    CONTACTS("contacts", true, new String[] {"customer_code", "customer_name", "name", "title", "decision_role",
        "phone", "email", "birthday", "anniversary", "notes"}, """
            SELECT c.code, c.name, p.name, p.title, p.decision_role, p.phone, p.email, p.birthday, p.anniversary,
                   p.notes
            FROM contact p JOIN customer c ON c.id = p.customer_id
            WHERE c.deleted = FALSE %s ORDER BY c.code, p.name, p.id"""),
    CONTACT_LOGS("contact-logs", true, new String[] {"customer_code", "customer_name", "occurred_at", "channel",
        "author", "summary", "outcome", "next_step", "agreed_next_on"}, """
            SELECT c.code, c.name, l.occurred_at, l.channel, u.username, l.summary, l.outcome, l.next_step,
                   l.agreed_next_on
            FROM contact_log l JOIN customer c ON c.id = l.customer_id JOIN app_user u ON u.id = l.author_id
            WHERE c.deleted = FALSE %s ORDER BY c.code, l.occurred_at, l.id"""),
    TIERS("tiers", true, new String[] {"code", "name", "owner", "tier", "computed_tier", "pinned_tier",
        "pinned_until", "revenue_in_window", "credit_notes_in_window", "gross_margin_in_window", "order_count",
        "avg_days_to_pay", "rank", "share_before", "score", "policy_version", "line_tiers"}, """
            SELECT c.code, c.name, u.username, t.effective_tier, t.computed_tier, t.pinned_tier, t.pinned_until,
                   t.revenue, CASE WHEN t.customer_id IS NOT NULL THEN COALESCE(s.credits, 0.00) END, s.margin,
                   t.order_count, t.avg_days_to_pay, c.id, NULL, t.score, t.policy_version,
                   (SELECT STRING_AGG(COALESCE(NULLIF(TRIM(p.name), ''), p.code) || ' ' || l.tier, ' · '
                           ORDER BY COALESCE(NULLIF(TRIM(p.name), ''), p.code), p.id)
                    FROM customer_line_tier l JOIN product_line p ON p.id = l.product_line_id
                    WHERE l.customer_id = c.id)
            FROM customer c JOIN app_user u ON u.id = c.owner_id LEFT JOIN customer_tier t ON t.customer_id = c.id
            LEFT JOIN (SELECT customer_id, SUM(CASE WHEN amount < 0 THEN amount ELSE 0.00 END) AS credits,
                              SUM(margin) AS margin
                       FROM sales_order WHERE order_date >= ? AND order_date <= ?
                       GROUP BY customer_id) s ON s.customer_id = c.id
            WHERE c.deleted = FALSE %s ORDER BY c.code"""),
    FOLLOW_UPS("follow-ups", true, new String[] {"customer_code", "customer_name", "owner", "tier", "due_on",
        "due_rule", "last_contact_on", "last_visit_on"}, """
            SELECT c.code, c.name, u.username, f.tier, f.due_on, f.due_rule, f.last_contact_on, f.last_visit_on
            FROM follow_up f JOIN customer c ON c.id = f.customer_id JOIN app_user u ON u.id = f.owner_id
            WHERE c.deleted = FALSE %s ORDER BY f.due_on, c.code"""),
    AUDIT("audit", false, new String[] {"occurred_at", "actor", "action", "entity_type", "entity_id",
        "customer_code", "field", "old_value", "new_value"}, """
            SELECT a.occurred_at, a.actor, a.action, a.entity_type, a.entity_id, c.code, a.field, a.old_value,
                   a.new_value
            FROM audit_event a LEFT JOIN customer c ON c.id = a.customer_id
            WHERE 1 = 1 %s ORDER BY a.occurred_at, a.id""");

    private final String slug;
    private final boolean forManagers;
    private final String[] header;
    private final String query;

    ExportKind(String slug, boolean forManagers, String[] header, String query) {
        this.slug = slug;
        this.forManagers = forManagers;
        this.header = header;
        this.query = query;
    }

    public static Optional<ExportKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }

    public String slug() {
        return slug;
    }

    public boolean forManagers() {
        return forManagers;
    }

    String[] header() {
        return header.clone();
    }

    /**
     * The column codes, in order. A file shows them by their label ({@code export.column.<code>}
     * in the reader's language); the customer import reads either.
     */
    public List<String> columns() {
        return List.of(header);
    }

    /**
     * The column holding the customer id that the rank (there) and share before (the next column)
     * are looked up by, or -1 when the export has no ranks.
     */
    int rankedAt() {
        return this == TIERS ? Arrays.asList(header).indexOf("rank") : -1;
    }

    /** Whether the query's first two parameters are the tier window's first and last day. */
    boolean windowed() {
        return this == TIERS;
    }

    String query(Scope scope) {
        return query.formatted(scope.all() ? "" : "AND " + scope.sql("c.owner_id", "c.id"));
    }
}
