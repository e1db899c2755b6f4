package com.keyaccount.crm.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Exports respect the viewer, keep text intact, neutralise formulas, and re-import cleanly. */
@FullStackTest
class ExportTest {

    private static final String TRICKY = "=HYPERLINK(\"x\"),\"上海\"\n第二行";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    ExportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void a_managers_csv_and_excel_exports_hold_only_their_customers() throws Exception {
        AppUser mine = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer own = fixtures.customer(mine, Fixtures.unique("自己的"));
        Customer other = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("别人的"));

        List<CSVRecord> csv = csv(download("/exports/customers.csv", mine));
        assertThat(csv).extracting(r -> r.get("Customer code")).contains(own.getCode()).doesNotContain(other.getCode());
        assertThat(csv).allSatisfy(r -> assertThat(r.get("Account manager (login)")).isEqualTo(mine.getUsername()));

        byte[] xlsx = download("/exports/customers.xlsx", mine);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Customer code");
            List<String> codes = rows.stream().skip(1).map(row -> row.getCellText(0)).toList();
            assertThat(codes).contains(own.getCode()).doesNotContain(other.getCode());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'EXPORT'",
                Integer.class, mine.getUsername())).isEqualTo(2);
    }

    @Test
    void exported_customers_re_import_unchanged_with_chinese_text_commas_quotes_and_newlines_intact() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("往返"));
        String address = "上海市, \"浦东\" 新区\n2号楼";
        jdbc.update("UPDATE customer SET address = ? WHERE id = ?", address, customer.getId());

        String exported = new String(download("/exports/customers.csv", manager), StandardCharsets.UTF_8);
        CSVRecord row = csv(exported.getBytes(StandardCharsets.UTF_8)).stream()
                .filter(r -> r.get("Customer code").equals(customer.getCode())).findFirst().orElseThrow();
        assertThat(row.get("Address")).isEqualTo(address);

        String page = Imports.upload(mvc, jdbc, director, "customers", exported.getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("lines imported.");
        assertThat(Imports.field(page, "created")).isEqualTo("0");
        assertThat(Imports.field(page, "updated")).isEqualTo("0");
        assertThat(jdbc.queryForObject("SELECT address FROM customer WHERE id = ?", String.class, customer.getId()))
                .isEqualTo(address);
    }

    @Test
    void text_starting_like_a_formula_comes_back_from_export_and_re_import_unchanged() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        // each column gets each formula start once; the last customer's apostrophe is the user's own
        String[][] profiles = {
            {"=SUM(A1) 公司", "+1 (23) 4", "-1 号楼"},
            {"+加号公司", "-86 21 5555", "@上海"},
            {"-减号公司", "@8621", "=浦东"},
            {"@at 公司", "=5555", "+2 号楼"},
            {"'引号公司", "'123", "'=不是公式"}};
        List<Customer> customers = new java.util.ArrayList<>();
        for (String[] profile : profiles) {
            Customer customer = fixtures.customer(manager, Fixtures.unique("公式"));
            jdbc.update("UPDATE customer SET name = ?, phone = ?, address = ? WHERE id = ?",
                    profile[0], profile[1], profile[2], customer.getId());
            customers.add(customer);
        }

        byte[] exported = download("/exports/customers.csv", manager);
        CSVRecord first = csv(exported).stream().filter(r -> r.get("Customer code").equals(customers.get(0).getCode()))
                .findFirst().orElseThrow();
        assertThat(first.get("Phone")).isEqualTo("'+1 (23) 4");

        String page = Imports.upload(mvc, jdbc, director, "customers", exported);
        assertThat(page).contains("lines imported.");
        assertThat(Imports.field(page, "updated")).isEqualTo("0");
        for (int i = 0; i < profiles.length; i++) {
            assertThat(jdbc.queryForList("SELECT name, phone, address FROM customer WHERE id = ?",
                    customers.get(i).getId()).get(0).values()).containsExactly((Object[]) profiles[i]);
        }
    }

    @Test
    void cells_that_look_like_formulas_are_neutralised_in_both_formats() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("x"));
        jdbc.update("UPDATE customer SET name = ? WHERE id = ?", TRICKY, customer.getId());

        CSVRecord row = csv(download("/exports/customers.csv", manager)).stream()
                .filter(r -> r.get("Customer code").equals(customer.getCode())).findFirst().orElseThrow();
        assertThat(row.get("Company name")).isEqualTo("'" + TRICKY);
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(download("/exports/customers.xlsx", manager)))) {
            assertThat(workbook.getFirstSheet().read().stream().map(r -> r.getCellText(1))
                    .collect(Collectors.toList())).contains("'" + TRICKY);
        }
    }

    @Test
    void the_audit_log_is_not_exported_for_account_managers() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        mvc.perform(get("/exports/audit.csv").with(user(Fixtures.principal(manager)))).andExpect(status().isForbidden());
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        assertThat(new String(download("/exports/audit.xlsx", director), StandardCharsets.ISO_8859_1)).startsWith("PK");
    }

    private byte[] download(String url, AppUser viewer) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }
}
