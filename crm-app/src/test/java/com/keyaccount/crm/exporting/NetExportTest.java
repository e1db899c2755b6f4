package com.keyaccount.crm.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The tier export's revenue is net, with the window's credit notes and returns and gross margin
 * beside it (tier window: the last 12 months):
 * <pre>
 * x  50,000 (margin 10,000) 10 days ago; credit note −5,000 (margin −1,000) on it 5 days ago;
 *    9,000 (margin 900) two years ago, outside the window
 *    -> revenue 45,000, credit notes −5,000, gross margin 9,000
 * y  8,000 without margin -> revenue 8,000, credit notes 0, gross margin empty
 * </pre>
 */
@FullStackTest
class NetExportTest {

    private static final String REVENUE = "Net revenue in the window (CNY)";
    private static final String CREDITS = "Credit notes and returns in the window (CNY)";
    private static final String MARGIN = "Gross margin in the window (CNY)";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private AppUser manager;
    private Customer x;
    private Customer y;

    NetExportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @BeforeEach
    void book() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        x = fixtures.customer(manager, Fixtures.unique("净额"));
        line(x, "X-1", 10, "50000", "10000", null);
        line(x, "X-C1", 5, "-5000", "-1000", "X-1");
        line(x, "X-0", 730, "9000", "900", null);
        y = fixtures.customer(manager, Fixtures.unique("无毛利"));
        line(y, "Y-1", 20, "8000", null, null);
        recompute.run("TEST", "tester");
    }

    /** Other tests count on being the only ones with revenue in the shared database. */
    @AfterEach
    void removeOrders() {
        jdbc.update("DELETE FROM sales_order WHERE customer_id IN (?, ?)", x.getId(), y.getId());
    }

    @Test
    void the_tier_csv_shows_net_revenue_credit_notes_and_gross_margin() throws Exception {
        String text = new String(download("/exports/tiers.csv"), StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("Customer code,Company name,Account manager (login),Tier,Computed tier,Pinned tier,"
                + "Pinned until,Net revenue in the window (CNY),Credit notes and returns in the window (CNY),"
                + "Gross margin in the window (CNY),Orders");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        CSVRecord first = row(rows, x);
        assertThat(new BigDecimal(first.get(REVENUE))).isEqualByComparingTo("45000");
        assertThat(new BigDecimal(first.get(CREDITS))).isEqualByComparingTo("-5000");
        assertThat(new BigDecimal(first.get(MARGIN))).isEqualByComparingTo("9000");
        CSVRecord second = row(rows, y);
        assertThat(new BigDecimal(second.get(REVENUE))).isEqualByComparingTo("8000");
        assertThat(new BigDecimal(second.get(CREDITS))).isZero();
        assertThat(second.get(MARGIN)).isEmpty();
        // the tier list's own link is the same export
        assertThat(new String(mvc.perform(get("/customers/tiers.csv").with(user(Fixtures.principal(manager)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .contains(CREDITS + "," + MARGIN);
    }

    @Test
    void the_tier_workbook_holds_the_same_numbers() throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download("/exports/tiers.xlsx")))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> header = rows.get(0).stream().map(cell -> cell.getText()).toList();
            int credits = header.indexOf(CREDITS);
            int margin = header.indexOf(MARGIN);
            assertThat(credits).isEqualTo(header.indexOf(REVENUE) + 1);
            Row first = rows.stream().filter(r -> x.getCode().equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(first.getCellAsNumber(credits).orElseThrow()).isEqualByComparingTo("-5000");
            assertThat(first.getCellAsNumber(margin).orElseThrow()).isEqualByComparingTo("9000");
        }
    }

    private byte[] download(String url) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(manager))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static CSVRecord row(List<CSVRecord> rows, Customer customer) {
        return rows.stream().filter(r -> r.get("Customer code").equals(customer.getCode())).findFirst().orElseThrow();
    }

    private void line(Customer customer, String no, int daysAgo, String amount, String margin, String refersTo) {
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at, margin, refers_to)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", customer.getId(), no, Date.valueOf(TODAY.minusDays(daysAgo)),
                new BigDecimal(amount), Timestamp.from(Instant.now()), margin == null ? null : new BigDecimal(margin),
                refersTo);
    }
}
