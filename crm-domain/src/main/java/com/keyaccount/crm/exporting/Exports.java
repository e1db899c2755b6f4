package com.keyaccount.crm.exporting;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.tier.ParetoRankings;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierQueries;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams an export straight from the database into a {@link Table} (CSV or Excel, opened by the
 * caller on the response): a manager gets only their own book, times are business times, and
 * every export is audited (who exported what, when).
 */
@Service
public class Exports {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;
    private final AuditTrail audit;
    private final ZoneId zone;
    private final ParetoRankings rankings;
    private final TierQueries tiers;
    private final Clock clock;

    public Exports(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditTrail audit, ZoneId businessZone,
            ParetoRankings rankings, TierQueries tiers, Clock clock) {
        this.jdbc = jdbc;
        this.rankings = rankings;
        this.tiers = tiers;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.audit = audit;
        this.zone = businessZone;
    }

    /** Refuses before anything is written, so the caller can still answer 403. */
    public void checkAllowed(Viewer viewer, ExportKind kind) {
        if (!kind.forManagers() && !viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("export " + kind.slug());
        }
    }

    /**
     * A page's "Export this view" (the rows and filters on screen), audited like the exports
     * here as {@code VIEW_<view>}; the page has already checked who may see its rows.
     */
    public void viewExported(Viewer viewer, String view) {
        writing.executeWithoutResult(status -> audit.exported(viewer.username(), "VIEW_" + view));
    }

    public void write(Viewer viewer, ExportKind kind, Table.Opener out) throws IOException {
        checkAllowed(viewer, kind);
        writing.executeWithoutResult(status -> audit.exported(viewer.username(), kind.name()));
        String[] header = kind.header();
        int rankedAt = kind.rankedAt();
        ParetoRankings.Ranking ranking = rankedAt < 0 ? null : rankings.latest();
        LocalDate last = LocalDate.now(clock.withZone(zone));
        LocalDate first = last.minusMonths(tiers.policyInForce().map(TierPolicy::getWindowMonths).orElse(12)).plusDays(1);
        try (Table table = out.open(kind.slug(), header)) {
            readOnly.executeWithoutResult(status -> jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement(kind.query(viewer.scope()));
                ps.setFetchSize(2_000);
                if (kind.windowed()) {
                    ps.setDate(1, java.sql.Date.valueOf(first));
                    ps.setDate(2, java.sql.Date.valueOf(last));
                }
                return ps;
            }, rs -> {
                try {
                    List<Object> cells = cells(rs, header.length);
                    if (ranking != null) {
                        rank(cells, rankedAt, ranking);
                    }
                    table.row(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }

    /**
     * Writes rows computed by the application rather than read by one query (e.g. a preview's
     * movers), audited like the others.
     */
    public void write(Viewer viewer, String what, String[] header, Stream<List<Object>> rows, Table.Opener out)
            throws IOException {
        writing.executeWithoutResult(status -> audit.exported(viewer.username(), what));
        try (Table table = out.open(what, header)) {
            rows.forEach(row -> {
                try {
                    table.row(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Replaces the customer id at {@code at} with its rank, and the cell after it with its share before. */
    private static void rank(List<Object> cells, int at, ParetoRankings.Ranking ranking) {
        Optional<ParetoRankings.ParetoRank> place = ranking.rankOf(((Number) cells.get(at)).longValue());
        cells.set(at, place.map(ParetoRankings.ParetoRank::rank).orElse(null));
        cells.set(at + 1, place.map(ParetoRankings.ParetoRank::shareBefore).orElse(null));
    }

    private List<Object> cells(ResultSet rs, int columns) throws SQLException {
        List<Object> cells = new ArrayList<>(columns);
        for (int column = 1; column <= columns; column++) {
            Object value = rs.getObject(column);
            cells.add(value instanceof Timestamp at ? MINUTES.format(at.toInstant().atZone(zone))
                    : value instanceof OffsetDateTime at ? MINUTES.format(at.atZoneSameInstant(zone))
                    : value instanceof java.sql.Date day ? day.toLocalDate().toString()
                    : value);
        }
        return cells;
    }
}
