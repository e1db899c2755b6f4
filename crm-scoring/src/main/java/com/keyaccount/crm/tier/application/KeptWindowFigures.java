package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.shared.DatabaseVendor;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each customer's figures over the evaluation window, kept in {@code window_figures} between
 * recomputes, so a run aggregates again only the customers whose lines changed since the last one
 * (named in {@code sales_figures_stale} in the writing transaction, whoever wrote: migration V45) or
 * entered or left the window as it moved. Aggregating every line is what made a recompute cost
 * more than a bare SQL ranking; a night's sales touch a few percent of the customers.
 * <p>
 * The only writer of {@code window_figures} and {@code kept_window}, and the only one to remove
 * rows from {@code sales_figures_stale}: it removes the rows it can see first and aggregates after,
 * so a line written by a transaction that commits meanwhile is either in the aggregate or still
 * named for the next run — never lost.
 */
@Component
public class KeptWindowFigures {

    private static final Logger log = LoggerFactory.getLogger(KeptWindowFigures.class);

    /** A window moved further than this has lost or gained so many lines that aggregating all is quicker. */
    private static final long LONGEST_MOVE_DAYS = 62;

    /** Aggregating one customer by index costs about five customers' share of a full scan. */
    private static final int SCAN_COST_RATIO = 5;

    /** Up to this many customers, aggregating them by index is quick whatever the book's size. */
    private static final int FEW = 1_000;

    private static final String INSERT =
            "INSERT INTO window_figures (customer_id, revenue, margin, orders, days_to_pay, paid) ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final WindowFigures figures;
    private final boolean h2;

    KeptWindowFigures(JdbcTemplate jdbc, PlatformTransactionManager transactions, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.figures = new WindowFigures(database);
        this.h2 = database.isH2();
    }

    /** The window the kept rows hold. */
    private record Window(LocalDate from, LocalDate to) {

        /** The same length moved forward by at most {@link #LONGEST_MOVE_DAYS}: only its edges to read. */
        boolean movesTo(Window next) {
            long moved = ChronoUnit.DAYS.between(from, next.from);
            return moved >= 0 && moved <= LONGEST_MOVE_DAYS && ChronoUnit.DAYS.between(to, next.to) == moved;
        }
    }

    /**
     * Brings the kept figures to the window from {@code from} through {@code to}, in a transaction
     * of its own.
     *
     * @return how many customers were aggregated again; -1 when every line was
     */
    int refresh(LocalDate from, LocalDate to) {
        Window next = new Window(from, to);
        long started = System.nanoTime();
        Integer renewed = transaction.execute(status -> {
            List<Window> kept = kept(" FOR UPDATE");
            if (kept.isEmpty() || !kept.get(0).movesTo(next)) {
                renewAll(next);
                return -1;
            }
            Window was = kept.get(0);
            if (was.equals(next) && !anyStale()) {
                return 0;
            }
            Set<Long> customers = takeStale();
            if (!was.equals(next)) {
                customers.addAll(movedAcrossEdges(was, next));
            }
            if (customers.size() > FEW && (long) customers.size() * SCAN_COST_RATIO
                    > jdbc.queryForObject("SELECT COUNT(*) FROM window_figures", Long.class)) {
                renewAll(next);
                return -1;
            }
            renew(next, customers);
            return customers.size();
        });
        log.debug("Kept window figures {}..{}: {} customers aggregated again in {} ms", from, to,
                renewed == -1 ? "all" : renewed, (System.nanoTime() - started) / 1_000_000);
        return renewed;
    }

    /**
     * What to join for the figures over the window from {@code from} through {@code to}, reading
     * only: the kept figures when they are those of that window with no line changed since, else
     * the aggregate over the window's lines. Either way a relation of {@code customer_id, revenue,
     * margin, orders, days_to_pay, paid}. A run that renews the kept figures meanwhile commits
     * them whole, so a later statement reads them before or after it, never half.
     */
    public String figuresOf(LocalDate from, LocalDate to) {
        List<Window> kept = kept("");
        boolean current = !kept.isEmpty() && kept.get(0).equals(new Window(from, to)) && !anyStale();
        return current ? "window_figures" : figures.aggregate(from, to);
    }

    /** The window the kept rows hold, if any; {@code lock} is appended to the statement. */
    private List<Window> kept(String lock) {
        return jdbc.query("SELECT from_day, to_day FROM kept_window WHERE id = 1" + lock,
                (rs, n) -> new Window(rs.getDate("from_day").toLocalDate(), rs.getDate("to_day").toLocalDate()));
    }

    private boolean anyStale() {
        return !jdbc.queryForList("SELECT id FROM sales_figures_stale FETCH FIRST 1 ROWS ONLY", Long.class).isEmpty();
    }

    /** Removes the stale names this transaction can see, returning their customers. */
    private Set<Long> takeStale() {
        String sql = h2 ? "SELECT customer_id FROM OLD TABLE (DELETE FROM sales_figures_stale)"
                : "DELETE FROM sales_figures_stale RETURNING customer_id";
        return new HashSet<>(jdbc.queryForList(sql, Long.class));
    }

    /** Customers with lines on days the window left or entered. */
    private List<Long> movedAcrossEdges(Window was, Window next) {
        return jdbc.queryForList("""
                SELECT DISTINCT customer_id FROM sales_order
                WHERE (order_date >= ? AND order_date < ?) OR (order_date > ? AND order_date <= ?)""", Long.class,
                Date.valueOf(was.from()), Date.valueOf(next.from()), Date.valueOf(was.to()), Date.valueOf(next.to()));
    }

    private void renew(Window next, Set<Long> customers) {
        if (!customers.isEmpty()) {
            Long[] ids = customers.toArray(Long[]::new);
            withIds("DELETE FROM window_figures WHERE customer_id = ANY(?)", ids);
            withIds(INSERT + figures.aggregateWhere(next.from(), next.to(), "customer_id = ANY(?)"), ids);
        }
        keep(next);
    }

    /** Every customer's figures aggregated afresh; names of stale customers are all answered by it. */
    private void renewAll(Window next) {
        jdbc.update("DELETE FROM sales_figures_stale");
        // not TRUNCATE: a reader whose snapshot is older than it would find the table empty
        jdbc.update("DELETE FROM window_figures");
        jdbc.update(INSERT + figures.aggregateWhere(next.from(), next.to(), "TRUE"));
        keep(next);
    }

    /** Runs a statement whose one parameter is an array of customer ids. */
    private void withIds(String sql, Long[] ids) {
        jdbc.update(con -> {
            var ps = con.prepareStatement(sql);
            ps.setArray(1, con.createArrayOf("BIGINT", ids));
            return ps;
        });
    }

    /** Names the window the kept rows now hold; the first run adds the row. */
    private void keep(Window next) {
        Date from = Date.valueOf(next.from());
        Date to = Date.valueOf(next.to());
        if (jdbc.update("UPDATE kept_window SET from_day = ?, to_day = ? WHERE id = 1", from, to) == 0) {
            jdbc.update("INSERT INTO kept_window (id, from_day, to_day) VALUES (1, ?, ?)", from, to);
        }
    }
}
