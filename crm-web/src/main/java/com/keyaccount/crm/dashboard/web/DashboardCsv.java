package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.dashboard.application.Overview;
import com.keyaccount.crm.dashboard.application.Overview.CurvePoint;
import com.keyaccount.crm.dashboard.application.Overview.Group;
import com.keyaccount.crm.web.SpreadsheetCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The dashboard's numbers as CSV: revenue is net, beside it the credit notes and returns it
 * already holds and the gross margin (empty when no line carries one). The Pareto rows put the
 * cumulative figure and its share under revenue or under gross margin, whichever the curve is on.
 */
final class DashboardCsv {

    private static final String[] HEADER = {"section", "key", "label", "customers", "revenue", "customer_share",
        "revenue_share", "credit_notes", "gross_margin", "gross_margin_share"};

    private DashboardCsv() {
    }

    static void write(Overview overview, OutputStream stream, Function<String, String> tier,
            Function<String, String> region, Function<String, String> industry) throws IOException {
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        print(csv, "tier", overview.byTier(), tier);
        print(csv, "region", overview.byRegion(), region);
        print(csv, "industry", overview.byIndustry(), industry);
        boolean margin = overview.curveOnMargin();
        for (CurvePoint p : overview.curve()) {
            String cumulative = plain(p.cumulative());
            String share = share(p.share());
            csv.printRecord("pareto", p.rank(), "", p.rank(), margin ? "" : cumulative, share(p.customerShare()),
                    margin ? "" : share, "", margin ? cumulative : "", margin ? share : "");
        }
        csv.flush();
    }

    private static void print(CSVPrinter csv, String section, List<Group> groups, Function<String, String> label)
            throws IOException {
        for (Group g : groups) {
            csv.printRecord(section, g.key() == null ? "" : g.key(), SpreadsheetCells.neutralise(label.apply(g.key())),
                    g.customers(), plain(g.revenue()), "", "", plain(g.creditNotes()), plain(g.margin()), "");
        }
    }

    /** Yuan with two decimals, as the database keeps them; empty for none. */
    private static String plain(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String share(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
