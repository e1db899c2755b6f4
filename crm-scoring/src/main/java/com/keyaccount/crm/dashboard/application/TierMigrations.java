package com.keyaccount.crm.dashboard.application;

import com.keyaccount.crm.dashboard.application.Migrations.Mover;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each customer's tier at a moment is the target of its latest tier change before it
 * (recomputes, pins and their expiry all write one), so the matrix is one pass over the history.
 * The period runs from the start of its first day to the end of its last, so that a change made
 * today shows today. A customer first classified within the period starts from that first tier:
 * a rule change the same day as a first classification (a new installation, an import of new
 * customers) is a move, not a first classification.
 */
@Service
@Transactional(readOnly = true)
public class TierMigrations {

    /** Customers listed behind one cell or list; the count is always exact. */
    public static final int LISTED = 500;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public TierMigrations(JdbcTemplate jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    public Migrations matrix(DashboardFilter filter, LocalDate from, LocalDate to) {
        List<Object> args = period(from, to);
        String where = filter.where(args);
        Map<String, Map<String, Long>> cells = new HashMap<>();
        jdbc.query(SQL.formatted("COALESCE(" + X + ", '-') AS from_tier, COALESCE(y.to_tier, '-') AS to_tier, "
                + "COUNT(*) AS customers", where) + " GROUP BY COALESCE(" + X + ", '-'), COALESCE(y.to_tier, '-')",
                rs -> {
                    cells.computeIfAbsent(rs.getString("from_tier"), k -> new HashMap<>())
                            .put(rs.getString("to_tier"), rs.getLong("customers"));
                }, args.toArray());
        return new Migrations(from, to, cells);
    }

    /** The customers that went from {@code fromTier} to {@code toTier} ("-" = not yet classified). */
    public List<Mover> movers(DashboardFilter filter, LocalDate from, LocalDate to, String fromTier, String toTier) {
        return movers(filter, from, to, fromTier, toTier, LISTED);
    }

    /** As {@link #movers(DashboardFilter, LocalDate, LocalDate, String, String)}, up to {@code limit} of them. */
    public List<Mover> movers(DashboardFilter filter, LocalDate from, LocalDate to, String fromTier, String toTier,
            int limit) {
        List<Object> args = period(from, to);
        String where = filter.where(args);
        args.add(fromTier);
        args.add(toTier);
        args.add(limit);
        return jdbc.query(SQL.formatted("c.id, c.code, c.name, u.display_name, COALESCE(" + X + ", '-') AS from_tier, "
                + "COALESCE(y.to_tier, '-') AS to_tier", where)
                + " AND COALESCE(" + X + ", '-') = ? AND COALESCE(y.to_tier, '-') = ? ORDER BY c.name, c.id LIMIT ?",
                (rs, n) -> new Mover(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("display_name"), rs.getString("from_tier"), rs.getString("to_tier")),
                args.toArray());
    }

    /** Every customer that moved up (or down) between the two days, whatever the tiers. */
    public List<Mover> moves(DashboardFilter filter, LocalDate from, LocalDate to, boolean upgrades) {
        return moves(filter, from, to, upgrades, LISTED);
    }

    /** As {@link #moves(DashboardFilter, LocalDate, LocalDate, boolean)}, up to {@code limit} of them. */
    public List<Mover> moves(DashboardFilter filter, LocalDate from, LocalDate to, boolean upgrades, int limit) {
        List<Object> args = period(from, to);
        String where = filter.where(args);
        args.add(limit);
        return jdbc.query(SQL.formatted("c.id, c.code, c.name, u.display_name, " + X + " AS from_tier, "
                + "y.to_tier AS to_tier", where) + " AND y.to_tier " + (upgrades ? "<" : ">")
                + " " + X + " ORDER BY c.name, c.id LIMIT ?",
                (rs, n) -> new Mover(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("display_name"), rs.getString("from_tier"), rs.getString("to_tier")),
                args.toArray());
    }

    /** The statement's first parameters: the period's start (twice) and end (twice). */
    private List<Object> period(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        return new ArrayList<>(List.of(start, start, end, end));
    }

    private static final String LATEST = """
            (SELECT customer_id, to_tier FROM (
                SELECT customer_id, to_tier,
                       ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY changed_at DESC, id DESC) AS latest
                FROM tier_change WHERE changed_at < ?) h WHERE latest = 1)""";

    /** The first tier each customer got within the period. */
    private static final String FIRST = """
            (SELECT customer_id, to_tier FROM (
                SELECT customer_id, to_tier,
                       ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY changed_at, id) AS first
                FROM tier_change WHERE changed_at >= ? AND changed_at < ?) h WHERE first = 1)""";

    /**
     * The tier the period starts from: the one in force before it; for a customer first classified
     * within it, that first tier if it has moved since (a move), else none (a new classification).
     */
    private static final String X = "COALESCE(b.to_tier, CASE WHEN f.to_tier <> y.to_tier THEN f.to_tier END)";

    /** b, f: before and first within the period (see {@link #X}); y: where the period ends. */
    private static final String SQL = "SELECT %s FROM customer c JOIN app_user u ON u.id = c.owner_id"
            + " LEFT JOIN " + LATEST + " b ON b.customer_id = c.id"
            + " LEFT JOIN " + FIRST + " f ON f.customer_id = c.id"
            + " LEFT JOIN " + LATEST + " y ON y.customer_id = c.id"
            + " WHERE %s";
}
