package com.keyaccount.crm.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
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
 * "Export this view" downloads the rows of the page's filters, every page of them, in the
 * reader's language: 30 NORTHEAST customers (more than a page of 25) and 3 EAST ones of one
 * manager; the list filtered to NORTHEAST exports exactly the 30.
 */
@FullStackTest
class ViewExportTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private AppUser manager;
    private AppUser director;
    private final Set<String> northeast = new HashSet<>();
    private Customer east;

    ViewExportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void book() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        director = fixtures.user(Role.SALES_DIRECTOR);
        for (int i = 0; i < 30; i++) {
            Customer c = fixtures.customer(manager, Fixtures.unique("东北客户"));
            jdbc.update("UPDATE customer SET region = 'NORTHEAST', industry = 'FINANCE' WHERE id = ?", c.getId());
            northeast.add(c.getCode());
        }
        for (int i = 0; i < 3; i++) {
            east = fixtures.customer(manager, Fixtures.unique("华东客户"));
        }
    }

    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM sales_order WHERE customer_id IN (SELECT id FROM customer WHERE owner_id = ?)",
                manager.getId());
    }

    @Test
    void the_customer_list_exports_every_page_of_its_filters_with_english_headers_and_labels() throws Exception {
        String filter = "region=NORTHEAST&owner=" + manager.getId();
        assertThat(page("/customers?" + filter, "en")).contains("30 customers");

        List<CSVRecord> rows = csv(download("/customers/export.csv?" + filter + "&page=1", "en"));
        assertThat(rows).hasSize(30);
        assertThat(rows).extracting(r -> r.get("Customer code")).containsExactlyInAnyOrderElementsOf(northeast);
        CSVRecord first = rows.get(0);
        assertThat(first.toMap().keySet()).containsExactly("Customer code", "Company name", "Tier", "Region",
                "Province", "City", "Industry", "Status", "Account manager", "Potential", "Adoption", "Potential: first factor",
                "Potential: second factor");
        assertThat(first.get("Region")).isEqualTo("Northeast");
        assertThat(first.get("Industry")).isEqualTo("Finance");
        assertThat(first.get("Status")).isEqualTo("Active");
        assertThat(first.get("Account manager")).isEqualTo(manager.getDisplayName());
        // sorted as the list is: by name
        assertThat(rows).extracting(r -> r.get("Company name")).isSorted();
    }

    @Test
    void the_customer_list_workbook_in_chinese_has_chinese_headers_labels_and_a_frozen_header() throws Exception {
        byte[] xlsx = download("/customers/export.xlsx?region=NORTHEAST&owner=" + manager.getId(), "zh-CN");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("客户列表");
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).stream().map(cell -> cell.getText()).toList())
                    .containsExactly("客户编码", "公司名称", "级别", "区域", "省份", "城市", "行业", "状态", "客户经理", "潜力", "使用情况",
                            "潜力：第一因素", "潜力：第二因素");
            assertThat(rows).hasSize(31);
            assertThat(rows.get(1).getCellText(3)).isEqualTo("东北");
            assertThat(rows.get(1).getCellText(4)).as("province by name").isEqualTo("上海市");
            assertThat(rows.get(1).getCellText(6)).isEqualTo("金融业");
            assertThat(rows.get(1).getCellText(7)).isEqualTo("合作中");
        }
        assertThat(sheetXml(xlsx)).containsPattern("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
    }

    @Test
    void a_drill_down_filter_is_exported_too() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at)
                VALUES (?, 'V-1', ?, 100, ?)""", east.getId(), Date.valueOf(today), Timestamp.from(Instant.now()));
        List<CSVRecord> rows = csv(download("/customers/export.csv?owner=" + manager.getId() + "&soldFrom="
                + today.withDayOfMonth(1) + "&soldTo=" + today, "en"));
        assertThat(rows).extracting(r -> r.get("Customer code")).containsExactly(east.getCode());
    }

    @Test
    void the_churn_coverage_and_attainment_views_export_with_chinese_headers() throws Exception {
        String owner = "?owner=" + manager.getId();
        assertThat(headers(download("/dashboard/churn/export.csv" + owner, "zh-CN")))
                .containsExactly("客户编码", "公司名称", "级别", "客户经理", "风险销售额（元）", "流失信号");
        List<CSVRecord> coverage = csv(download("/dashboard/coverage/export.csv" + owner, "zh-CN"));
        assertThat(coverage.get(0).toMap().keySet()).containsExactly("统计维度", "分组", "客户数", "逾期跟进", "窗口内未联系");
        // the manager's line: 33 customers, none lost
        assertThat(coverage.get(0).get("分组")).isEqualTo(manager.getDisplayName());
        assertThat(coverage.get(0).get("客户数")).isEqualTo("33");
        assertThat(coverage).extracting(r -> r.get("统计维度")).contains("按客户经理", "按级别", "合计");
        assertThat(headers(download("/attainment/export.csv?manager=" + manager.getId(), "zh-CN")))
                .startsWith("统计维度", "分组", "客户数", "应联系次数");
    }

    @Test
    void the_audit_log_view_exports_its_filter_in_the_page_words() throws Exception {
        download("/customers/export.csv", "en", manager);
        List<CSVRecord> rows = csv(download("/audit/export.csv?actor=" + manager.getUsername(), "en"));
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.get("User")).isEqualTo(manager.getUsername()));
        assertThat(rows.get(0).get("Action")).isEqualTo("Exported");
        assertThat(rows.get(0).get("Record type")).isEqualTo("Customer list (view)");
    }

    @Test
    void an_account_manager_may_not_export_the_audit_log() throws Exception {
        mvc.perform(get("/audit/export.csv").with(user(Fixtures.principal(manager))))
                .andExpect(status().isForbidden());
    }

    /** As the director, who sees every book. */
    private byte[] download(String url, String language) throws Exception {
        return download(url, language, director);
    }

    private byte[] download(String url, String language, AppUser viewer) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private String page(String url, String language) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(director))).header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    private static List<String> headers(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getHeaderNames();
    }

    /** The first sheet's XML, read through the zip's central directory as Excel does. */
    private static String sheetXml(byte[] xlsx) throws Exception {
        Path file = Files.createTempFile("view", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile());
                    var in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }
}
