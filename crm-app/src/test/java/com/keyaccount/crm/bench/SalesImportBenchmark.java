package com.keyaccount.crm.bench;

import com.keyaccount.crm.importing.web.Upload;
import com.keyaccount.crm.sales.importing.SalesImports;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark of the sales import (issue 7): writes a GB18030 CSV of {@code lines} new orders for
 * the book's customers (not its prospects), imports it through the application (check, stage, merge in one
 * transaction), times it, then removes those orders again so the book stays as generated.
 */
final class SalesImportBenchmark {

    private static final String PREFIX = "BENCH-IMP-";

    private SalesImportBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, int lines) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        SalesImports imports = app.getBean(SalesImports.class);
        // not prospects: their first order would win them, and the book would no longer be as generated
        List<String> codes = jdbc.queryForList("SELECT code FROM customer WHERE deleted = FALSE AND status <> 'PROSPECT' "
                + "ORDER BY id", String.class);
        Path file = Files.createTempFile("bench-sales-", ".csv");
        LocalDate day = LocalDate.now().minusDays(400);
        try (BufferedWriter out = Files.newBufferedWriter(file, java.nio.charset.Charset.forName("GB18030"))) {
            out.write("customer_code,order_no,order_date,amount,due_date,paid_date\r\n");
            for (int i = 0; i < lines; i++) {
                LocalDate ordered = day.plusDays(i % 365);
                out.write(codes.get(i % codes.size()) + "," + PREFIX + "订单" + i + "," + ordered.toString().replace('-', '/')
                        + ",\"¥" + String.format("%,d", 1_000 + i % 50_000) + ".50\"," + ordered.plusDays(30) + ","
                        + (i % 3 == 0 ? "" : ordered.plusDays(10 + i % 40).toString()) + "\r\n");
            }
        }
        long bytes = Files.size(file);
        long started = System.nanoTime();
        long id = imports.start(new Viewer(0, "benchmark", Role.ADMIN), "bench.csv", new Upload(file, "bench.csv"));
        String status;
        do {
            TimeUnit.MILLISECONDS.sleep(200);
            status = jdbc.queryForObject("SELECT status FROM data_import WHERE id = ?", String.class, id);
        } while ("RUNNING".equals(status));
        long ms = (System.nanoTime() - started) / 1_000_000;
        var outcome = jdbc.queryForMap("SELECT rows_read, created, bad_lines FROM data_import WHERE id = ?", id);
        TierBenchmark.report("(g) sales import, %,d lines (%,d MB, GB18030): %s in %,d ms, %,.0f lines/s (goal ≥ 50,000 lines/s"
                + " in %d MiB of heap); %s", lines, bytes / (1024 * 1024), status, ms, lines * 1000.0 / ms,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), outcome);
        TierRecompute recompute = app.getBean(TierRecompute.class);
        while (recompute.isRunning()) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        int removed = jdbc.update("DELETE FROM sales_order WHERE order_no LIKE '" + PREFIX + "%'");
        recompute.run("BENCHMARK", "benchmark");
        TierBenchmark.report("    removed the %,d imported orders again and recomputed", removed);
    }
}
