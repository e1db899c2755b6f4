package com.keyaccount.crm.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Exports speak the reader's language: headers and coded values as the pages show them
 * (FINANCE → 金融业, NORTHEAST → 东北, ACTIVE → 合作中, tier C → C 类), numbers stay numbers, a
 * workbook's header row is bold and frozen, and a customers file exported in Chinese imports
 * again without changing anything.
 */
@FullStackTest
class LocalisedExportTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final FollowUpSchedule schedule;
    private AppUser manager;
    private Customer customer;

    LocalisedExportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute,
            FollowUpSchedule schedule) {
        this.mvc = mvc;
        this.schedule = schedule;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @BeforeEach
    void book() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        customer = fixtures.customer(manager, Fixtures.unique("本地化"));
        jdbc.update("UPDATE customer SET industry = 'FINANCE', region = 'NORTHEAST', annual_sales = 12500000.50, "
                + "employee_count = 320 WHERE id = ?", customer.getId());
        Timestamp at = Timestamp.from(Instant.now().minus(2, ChronoUnit.DAYS));
        jdbc.update("""
                INSERT INTO contact_log (customer_id, author_id, channel, occurred_at, summary, submission_token,
                    created_at) VALUES (?, ?, 'VISIT', ?, '上门拜访，沟通年度采购计划', ?, ?)""", customer.getId(),
                manager.getId(), at, UUID.randomUUID().toString(), at);
        recompute.run("TEST", "tester");
        // as a customer saved through the application gets its schedule
        schedule.refreshInBatches(List.of(customer.getId()));
    }

    @Test
    void a_chinese_workbook_has_chinese_headers_labels_for_codes_number_cells_and_a_frozen_bold_header()
            throws Exception {
        byte[] xlsx = download("/exports/customers.xlsx", "zh-CN");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("客户");
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).stream().map(cell -> cell.getText()).toList()).containsExactly("客户编码", "公司名称",
                    "行业", "区域", "客户经理（登录名）", "电话", "地址", "省份", "城市", "状态", "流失原因", "年销售额（元）", "员工人数", "级别",
                    "纬度", "经度", "潜力", "使用情况", "潜力：第一因素", "潜力：第二因素");
            Row row = rows.stream().filter(r -> customer.getCode().equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(row.getCellText(2)).isEqualTo("金融业");
            assertThat(row.getCellText(3)).isEqualTo("东北");
            assertThat(row.getCellText(4)).isEqualTo(manager.getUsername());
            assertThat(row.getCellText(8)).as("city by name").isEqualTo("上海市");
            assertThat(row.getCellText(9)).isEqualTo("合作中");
            assertThat(row.getCell(11).getType()).isEqualTo(CellType.NUMBER);
            assertThat(row.getCellAsNumber(11).orElseThrow()).isEqualByComparingTo("12500000.50");
            // shown as the pages show money: ¥12,500,000.50
            assertThat(row.getCell(11).getDataFormatString()).isEqualTo("\\¥#,##0.00");
            assertThat(row.getCell(12).getType()).isEqualTo(CellType.NUMBER);
            assertThat(row.getCellAsNumber(12).orElseThrow()).isEqualByComparingTo("320");
            // no sales: Pareto puts the customer in C
            assertThat(row.getCellText(13)).isEqualTo("C 类");
        }

        Map<String, String> parts = unzip(xlsx);
        Element pane = (Element) xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("pane").item(0);
        assertThat(pane).as("a frozen pane").isNotNull();
        assertThat(pane.getAttribute("ySplit")).isEqualTo("1");
        assertThat(pane.getAttribute("state")).isEqualTo("frozen");
        NodeList columns = xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("col");
        assertThat(columns.getLength()).isEqualTo(20);
        // the company name column is wider than the tier column
        assertThat(Double.parseDouble(((Element) columns.item(1)).getAttribute("width")))
                .isGreaterThan(Double.parseDouble(((Element) columns.item(13)).getAttribute("width")));
        assertThat(headerCellsBold(parts)).isTrue();
    }

    @Test
    void english_headers_and_labels_in_english() throws Exception {
        CSVRecord log = csv(download("/exports/contact-logs.csv", "en")).stream()
                .filter(r -> r.get("Customer code").equals(customer.getCode())).findFirst().orElseThrow();
        assertThat(log.get("Channel")).isEqualTo("On-site visit");
        assertThat(log.get("Contacted at")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

        CSVRecord tiers = csv(download("/exports/tiers.csv", "en")).stream()
                .filter(r -> r.get("Customer code").equals(customer.getCode())).findFirst().orElseThrow();
        assertThat(tiers.get("Tier")).isEqualTo("C");
    }

    @Test
    void follow_ups_and_contact_logs_say_why_and_how_in_chinese() throws Exception {
        CSVRecord log = csv(download("/exports/contact-logs.csv", "zh-CN")).stream()
                .filter(r -> r.get("客户编码").equals(customer.getCode())).findFirst().orElseThrow();
        assertThat(log.get("方式")).isEqualTo("上门拜访");
        assertThat(log.get("记录人（登录名）")).isEqualTo(manager.getUsername());

        List<CSVRecord> followUps = csv(download("/exports/follow-ups.csv", "zh-CN"));
        assertThat(followUps).extracting(r -> r.get("跟进依据")).isNotEmpty()
                .allSatisfy(why -> assertThat(why).isIn("联系间隔到期", "上门拜访间隔到期", "与客户约定的日期", "升级宽限期结束"));
        assertThat(followUps).extracting(r -> r.get("级别")).allSatisfy(tier -> assertThat(tier).endsWith(" 类"));
    }

    @Test
    void customers_exported_in_chinese_import_again_with_no_change() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        byte[] exported = download("/exports/customers.csv", "zh-CN");
        String text = new String(exported, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF客户编码,公司名称,行业,区域,客户经理（登录名）,电话,地址,省份,城市,状态,流失原因,年销售额（元）,员工人数,级别");
        List<CSVRecord> rows = csv(exported);
        CSVRecord row = rows.stream().filter(r -> r.get("客户编码").equals(customer.getCode())).findFirst().orElseThrow();
        assertThat(row.get("行业")).isEqualTo("金融业");
        assertThat(row.get("区域")).isEqualTo("东北");
        assertThat(row.get("省份") + "/" + row.get("城市")).as("the address 上海市 names the municipality")
                .isEqualTo("上海市/上海市");
        assertThat(row.get("状态")).isEqualTo("合作中");
        assertThat(new BigDecimal(row.get("年销售额（元）"))).isEqualByComparingTo("12500000.50");
        Map<String, Object> before = jdbc.queryForMap("SELECT * FROM customer WHERE id = ?", customer.getId());
        long audited = audited();

        String page = Imports.upload(mvc, jdbc, director, "customers", exported);

        assertThat(page).contains("lines imported.");
        assertThat(Imports.field(page, "created")).isEqualTo("0");
        assertThat(Imports.field(page, "updated")).isEqualTo("0");
        assertThat(Imports.field(page, "unchanged")).isEqualTo(String.valueOf(rows.size()));
        assertThat(jdbc.queryForMap("SELECT * FROM customer WHERE id = ?", customer.getId())).isEqualTo(before);
        assertThat(audited()).isEqualTo(audited);
    }

    @Test
    void an_english_customers_file_imports_by_its_headers_too() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String file = "Customer code,Company name,Industry,Region,Account manager (login),Status\n"
                + customer.getCode() + "," + customer.getName() + ",IT,South China," + manager.getUsername() + ",Dormant\n";

        String page = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));

        assertThat(Imports.field(page, "updated")).isEqualTo("1");
        Map<String, Object> now = jdbc.queryForMap("SELECT industry, region, status FROM customer WHERE id = ?",
                customer.getId());
        assertThat(List.of(now.get("industry"), now.get("region"), now.get("status")))
                .containsExactly("IT", "SOUTH", "DORMANT");
    }

    @Test
    void the_audit_log_export_names_actions_records_fields_and_values_as_the_audit_page_does() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        jdbc.update("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, customer_id, field,
                    old_value, new_value) VALUES (?, ?, 'UPDATE', 'Customer', ?, ?, 'industry', 'FINANCE', 'IT')""",
                Timestamp.from(Instant.now()), director.getUsername(), customer.getId(), customer.getId());

        CSVRecord change = csv(mvc.perform(get("/exports/audit.csv").with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).stream()
                .filter(r -> r.get("客户编码").equals(customer.getCode()) && r.get("操作").equals("修改"))
                .findFirst().orElseThrow();
        assertThat(change.get("记录类型")).isEqualTo("客户");
        assertThat(change.get("字段")).isEqualTo("行业");
        assertThat(change.get("原值")).isEqualTo("金融业");
        assertThat(change.get("新值")).isEqualTo("IT 行业");
    }

    private long audited() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE customer_id = ?", Long.class,
                customer.getId());
    }

    /** Whether every cell of the first row points at a style whose font is bold. */
    private static boolean headerCellsBold(Map<String, String> parts) throws Exception {
        Document styles = xml(parts.get("xl/styles.xml"));
        Element fonts = (Element) styles.getElementsByTagName("fonts").item(0);
        Element cellXfs = (Element) styles.getElementsByTagName("cellXfs").item(0);
        Element firstRow = (Element) xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("row").item(0);
        NodeList cells = firstRow.getElementsByTagName("c");
        assertThat(cells.getLength()).isEqualTo(20);
        for (int i = 0; i < cells.getLength(); i++) {
            String style = ((Element) cells.item(i)).getAttribute("s");
            if (style.isEmpty()) {
                return false;
            }
            Element xf = (Element) cellXfs.getElementsByTagName("xf").item(Integer.parseInt(style));
            Element font = (Element) fonts.getElementsByTagName("font").item(Integer.parseInt(xf.getAttribute("fontId")));
            if (font.getElementsByTagName("b").getLength() == 0) {
                return false;
            }
        }
        return true;
    }

    /** The workbook's parts, read through the zip's central directory as Excel does. */
    private static Map<String, String> unzip(byte[] xlsx) throws Exception {
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, xlsx);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    try (var in = zip.getInputStream(entry)) {
                        parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return parts;
        } finally {
            Files.delete(file);
        }
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(text)));
    }

    private byte[] download(String url, String language) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(manager))).header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }
}
