package com.keyaccount.crm.potential.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.keyaccount.crm.customer.Adoption;
import com.keyaccount.crm.customer.GridColumn;
import com.keyaccount.crm.customer.NineGridZone;
import com.keyaccount.crm.customer.PotentialBand;
import com.keyaccount.crm.kept.FigureVersion;
import com.keyaccount.crm.kept.FigureVersion.Versioned;
import com.keyaccount.crm.potential.application.NineGrid.Figures;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts a viewer's book into the nine-grid in one grouped query: a manager their own customers,
 * directors and admins the whole book. The grid is kept between visits under the figures' number
 * ({@link FigureVersion}), which a customer changed (its potential or adoption too), an import
 * of customers and a tier recompute raise: at 100k customers the query reads every customer.
 */
@Service
public class NineGridFigures {

    private static final String SQL = """
            SELECT c.potential, c.adoption, COUNT(*) AS customers, COALESCE(SUM(t.revenue), 0) AS revenue
            FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id
            WHERE c.deleted = FALSE AND c.status <> 'LOST'%s
            GROUP BY c.potential, c.adoption""";

    private final JdbcClient jdbc;
    private final FigureVersion version;
    /** By the books seen: the whole book, a manager's own, a supervisor's people's. */
    private final Cache<Versioned<Scope>, NineGrid> kept;

    NineGridFigures(JdbcClient jdbc, FigureVersion version) {
        this.jdbc = jdbc;
        this.version = version;
        this.kept = version.cache(1_000);
    }

    public NineGrid of(Viewer viewer) {
        return version.kept(kept, viewer.scope(), this::count);
    }

    private NineGrid count(Scope book) {
        var statement = jdbc.sql(SQL.formatted(book.all() ? "" : " AND " + book.sql("c.owner_id")));
        Map<PotentialBand, Map<GridColumn, Figures>> cells = new EnumMap<>(PotentialBand.class);
        Figures[] notAssessed = {Figures.NONE};
        statement.query((rs, n) -> {
            int potential = rs.getInt("potential");
            boolean potentialKnown = !rs.wasNull();
            String adoption = rs.getString("adoption");
            long customers = rs.getLong("customers");
            BigDecimal revenue = rs.getBigDecimal("revenue");
            if (!potentialKnown || adoption == null) {
                notAssessed[0] = notAssessed[0].plus(customers, revenue);
            } else {
                cells.computeIfAbsent(PotentialBand.of(potential), b -> new EnumMap<>(GridColumn.class))
                        .merge(Adoption.valueOf(adoption).column(), new Figures(customers, revenue),
                                (a, b) -> a.plus(b.customers(), b.revenue()));
            }
            return null;
        }).list();
        List<NineGrid.Row> rows = new ArrayList<>();
        for (PotentialBand band : PotentialBand.values()) {
            List<NineGrid.Cell> row = new ArrayList<>();
            for (GridColumn column : GridColumn.values()) {
                Figures figures = cells.getOrDefault(band, Map.of()).getOrDefault(column, Figures.NONE);
                row.add(new NineGrid.Cell(band, column, NineGridZone.of(band, column), figures));
            }
            rows.add(new NineGrid.Row(band, row));
        }
        return new NineGrid(rows, notAssessed[0]);
    }
}
