package com.keyaccount.crm.potential.application;

import com.keyaccount.crm.customer.GridColumn;
import com.keyaccount.crm.customer.PotentialBand;
import com.keyaccount.crm.customer.NineGridZone;
import java.math.BigDecimal;
import java.util.List;

/**
 * The nine-grid of a book: potential bands (rows, high first) against adoption columns, each cell
 * with its zone, its customers and their net revenue in the tier window; beside it the customers
 * whose potential or adoption is not known yet. Lost customers are not counted.
 */
public record NineGrid(List<Row> rows, Figures notAssessed) {

    public record Figures(long customers, BigDecimal revenue) {

        static final Figures NONE = new Figures(0, BigDecimal.ZERO);

        Figures plus(long more, BigDecimal moreRevenue) {
            return new Figures(customers + more, revenue.add(moreRevenue));
        }
    }

    public record Cell(PotentialBand band, GridColumn column, NineGridZone zone, Figures figures) {
    }

    public record Row(PotentialBand band, List<Cell> cells) {
    }

    public long assessed() {
        return rows.stream().flatMap(r -> r.cells().stream()).mapToLong(c -> c.figures().customers()).sum();
    }
}
