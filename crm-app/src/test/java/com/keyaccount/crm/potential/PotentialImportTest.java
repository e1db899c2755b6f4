package com.keyaccount.crm.potential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.PotentialFactors;
import com.keyaccount.crm.customer.PotentialFactorsService;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Potential and adoption in the customer file and the customer exports (issue 16): read by
 * Chinese or English headers and words, set by the importer at the import and audited; a bad cell
 * refuses the file line by line; an empty cell keeps the stored assessment; the exports write the
 * score and the adoption's label, and re-import with nothing changed.
 */
@FullStackTest
class PotentialImportTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final PotentialFactorsService factors;
    private AppUser director;
    private AppUser manager;

    PotentialImportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute,
            PotentialFactorsService factors) {
        this.mvc = mvc;
        this.factors = factors;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @BeforeEach
    void people() {
        director = fixtures.user(Role.SALES_DIRECTOR);
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
    }

    /** New customers start a recompute; the next test must not meet it running. */
    @AfterEach
    void awaitRecompute() throws Exception {
        Recomputes.awaitIdle(recompute);
        Imports.forget(jdbc, director.getUsername());
    }

    @Test
    void chinese_headers_and_words_set_potential_and_adoption_as_the_importers_now_audited() throws Exception {
        Customer first = fixtures.customer(manager, Fixtures.unique("首选客户"));
        Customer second = fixtures.customer(manager, Fixtures.unique("尚未使用"));
        String created = Fixtures.unique("C");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        String page = upload("客户编码,公司名称,行业,区域,客户经理（登录名）,潜力,使用情况\n"
                + row(first) + ",8,首选\n"
                + created + ",新客户潜力,IT,EAST," + manager.getUsername() + ",3,竞品\n"
                + row(second) + ",5,未使用\n");

        assertThat(page).contains("All 3 lines imported.");
        Instant after = Instant.now().plusSeconds(1);
        assertAssessed(first.getId(), 8, "PREFERRED", director, before, after);
        assertAssessed(id(created), 3, "COMPETITOR", director, before, after);
        assertAssessed(second.getId(), 5, "NOT_USING", director, before, after);
        assertThat(changes(first.getId())).containsExactly("adoption:null>PREFERRED", "potential:null>8");
        assertThat(changes(second.getId())).containsExactly("adoption:null>NOT_USING", "potential:null>5");

        // seed 003's headers, and the words of the customer page
        upload("code,name,industry,region,owner,潜力分,处方程度\n" + row(first) + ",9,使用竞品\n"
                + row(second) + ",4,尚未使用\n");
        assertThat(assessment(first.getId())).containsExactly(9, "COMPETITOR");
        assertThat(assessment(second.getId())).containsExactly(4, "NOT_USING");
        upload("code,name,industry,region,owner,使用程度\n" + row(first) + ",次选\n");
        assertThat(assessment(first.getId())).containsExactly(9, "SECONDARY");
    }

    @Test
    void english_headers_and_words_in_any_letter_case_and_the_codes_are_read_too() throws Exception {
        Customer[] customers = new Customer[7];
        StringBuilder file = new StringBuilder(
                "Customer code,Company name,Industry,Region,Account manager (login),Potential,Adoption\n");
        String[] adoptions = {"Preferred", "second choice", "SECONDARY", "Uses a competitor", "competitor",
            "NOT USING", "not_using"};
        for (int i = 0; i < customers.length; i++) {
            customers[i] = fixtures.customer(manager, Fixtures.unique("English"));
            file.append(row(customers[i])).append(',').append(i + 1).append(',').append(adoptions[i]).append('\n');
        }

        assertThat(upload(file.toString())).contains("All 7 lines imported.");

        String[] expected = {"PREFERRED", "SECONDARY", "SECONDARY", "COMPETITOR", "COMPETITOR", "NOT_USING",
            "NOT_USING"};
        for (int i = 0; i < customers.length; i++) {
            assertThat(assessment(customers[i].getId())).as(adoptions[i]).containsExactly(i + 1, expected[i]);
        }
    }

    @Test
    void a_bad_score_or_an_unknown_adoption_is_refused_by_line_and_nothing_is_written() throws Exception {
        Customer kept = fixtures.customer(manager, Fixtures.unique("保留"));
        Instant assessedAt = Instant.parse("2026-01-05T02:00:00Z");
        assessAs(kept, 6, "SECONDARY", manager, assessedAt);
        Map<String, Object> before = checksum();
        String fresh = Fixtures.unique("C");
        String[] codes = {Fixtures.unique("C"), Fixtures.unique("C"), Fixtures.unique("C"), Fixtures.unique("C"),
            Fixtures.unique("C")};
        String owner = ",IT,EAST," + manager.getUsername() + ",";

        String page = upload("code,name,industry,region,owner,potential,adoption\n"
                + row(kept) + ",9,首选\n"                                     // 2: fine
                + codes[0] + ",零分" + owner + "0,次选\n"                      // 3
                + codes[1] + ",十分" + owner + "10,次选\n"                     // 4
                + codes[2] + ",小数" + owner + "3.5,次选\n"                    // 5
                + codes[3] + ",文字" + owner + "很高,次选\n"                    // 6
                + codes[4] + ",未知" + owner + "7,经常用\n"                     // 7
                + fresh + ",正确" + owner + "7,Preferred\n");                 // 8: fine

        assertThat(page).contains("5 of 7 lines are bad.");
        List<String> lines = Jsoup.parse(page).select("#bad-lines tbody tr").eachText();
        assertThat(lines).containsExactly(
                "3 Potential 0 A potential is a whole number from 1 to 9.",
                "4 Potential 10 A potential is a whole number from 1 to 9.",
                "5 Potential 3.5 A potential is a whole number from 1 to 9.",
                "6 Potential 很高 A potential is a whole number from 1 to 9.",
                "7 Adoption 经常用 Not an adoption: write preferred, second choice, competitor or not using, in "
                        + "Chinese or English.");
        assertThat(Jsoup.parse(upload("code,name,industry,region,owner,潜力\n" + row(kept) + ",0\n", "zh-CN"))
                .select("#bad-lines tbody tr").eachText()).containsExactly("2 潜力 0 潜力须为 1 到 9 的整数。");

        assertThat(checksum()).isEqualTo(before);
        assertThat(assessment(kept.getId())).containsExactly(6, "SECONDARY");
        assertThat(provenance(kept.getId())).containsExactly(manager.getId(), assessedAt, manager.getId(),
                assessedAt);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE code = ?", Integer.class, fresh)).isZero();
    }

    @Test
    void an_empty_cell_or_a_missing_column_keeps_the_stored_assessment_and_its_author() throws Exception {
        Customer customer = fixtures.customer(manager, Fixtures.unique("保持"));
        Instant assessedAt = Instant.parse("2026-01-05T02:00:00Z");
        assessAs(customer, 6, "SECONDARY", manager, assessedAt);

        upload("code,name,industry,region,owner,phone,potential,adoption\n" + row(customer) + ",021-7777,,\n");
        assertThat(jdbc.queryForObject("SELECT phone FROM customer WHERE id = ?", String.class, customer.getId()))
                .as("the line itself applied").isEqualTo("021-7777");
        upload("code,name,industry,region,owner,phone\n" + row(customer) + ",021-8888\n");
        assertThat(assessment(customer.getId())).containsExactly(6, "SECONDARY");
        assertThat(provenance(customer.getId())).containsExactly(manager.getId(), assessedAt, manager.getId(),
                assessedAt);

        // the same score again changes nothing; a new adoption alone is the importer's, the score stays the owner's
        String same = upload("code,name,industry,region,owner,phone,potential,adoption\n" + row(customer)
                + ",021-8888,6,\n");
        assertThat(Imports.field(same, "unchanged")).isEqualTo("1");
        upload("code,name,industry,region,owner,phone,potential,adoption\n" + row(customer) + ",021-8888,,preferred\n");
        assertThat(assessment(customer.getId())).containsExactly(6, "PREFERRED");
        List<Object> after = provenance(customer.getId());
        assertThat(after.subList(0, 3)).containsExactly(manager.getId(), assessedAt, director.getId());
        assertThat((Instant) after.get(3)).isAfter(assessedAt);
        assertThat(changes(customer.getId())).containsExactly("adoption:SECONDARY>PREFERRED", "phone:021-12345678>021-7777",
                "phone:021-7777>021-8888");
    }

    @Test
    void the_customer_exports_write_the_score_and_the_adoptions_label_in_csv_and_excel() throws Exception {
        Customer customer = fixtures.customer(manager, Fixtures.unique("导出"));
        assessAs(customer, 8, "COMPETITOR", manager, Instant.parse("2026-01-05T02:00:00Z"));

        CSVRecord zh = record(download("/exports/customers.csv", "zh-CN"), "客户编码", customer);
        assertThat(zh.get("潜力")).isEqualTo("8");
        assertThat(zh.get("使用情况")).isEqualTo("使用竞品");
        CSVRecord en = record(download("/exports/customers.csv", "en"), "Customer code", customer);
        assertThat(en.get("Potential")).isEqualTo("8");
        assertThat(en.get("Adoption")).isEqualTo("Uses a competitor");
        List<Cell> workbook = workbookCells(download("/exports/customers.xlsx", "zh-CN"), customer, "潜力", "使用情况");
        assertThat(workbook.get(0).getType()).isEqualTo(CellType.NUMBER);
        assertThat(workbook.get(0).asNumber()).isEqualByComparingTo("8");
        assertThat(workbook.get(1).getText()).isEqualTo("使用竞品");

        String list = "/customers/export.csv?owner=" + manager.getId();
        CSVRecord listed = record(download(list, "en"), "Customer code", customer);
        assertThat(listed.get("Potential")).isEqualTo("8");
        assertThat(listed.get("Adoption")).isEqualTo("Uses a competitor");
        List<Cell> listedCells = workbookCells(download("/customers/export.xlsx?owner=" + manager.getId(), "zh-CN"),
                customer, "潜力", "使用情况");
        assertThat(listedCells.get(0).getType()).isEqualTo(CellType.NUMBER);
        assertThat(listedCells.get(0).asNumber()).isEqualByComparingTo("8");
        assertThat(listedCells.get(1).getText()).isEqualTo("使用竞品");
    }

    @Test
    void customers_exported_in_either_language_import_again_with_nothing_changed() throws Exception {
        Customer assessed = fixtures.customer(manager, Fixtures.unique("往返"));
        assessAs(assessed, 2, "NOT_USING", manager, Instant.parse("2026-01-05T02:00:00Z"));
        Customer scoreOnly = fixtures.customer(manager, Fixtures.unique("只有潜力"));
        assessAs(scoreOnly, 7, null, manager, Instant.parse("2026-01-06T02:00:00Z"));
        Customer notAssessed = fixtures.customer(manager, Fixtures.unique("未评估"));
        List<Long> ids = List.of(assessed.getId(), scoreOnly.getId(), notAssessed.getId());

        for (String language : List.of("zh-CN", "en")) {
            List<Map<String, Object>> before = rows(ids);
            long audited = audited(ids);
            byte[] exported = download("/exports/customers.csv", language);

            String page = Imports.upload(mvc, jdbc, director, "customers", exported);

            assertThat(page).as(language).contains("All 3 lines imported.");
            assertThat(Imports.field(page, "unchanged")).as(language).isEqualTo("3");
            assertThat(rows(ids)).as(language).isEqualTo(before);
            assertThat(audited(ids)).as(language).isEqualTo(audited);
        }
        assertThat(assessment(scoreOnly.getId())).containsExactly(7, null);
    }

    @Test
    void where_potential_is_scored_by_two_factors_a_file_gives_their_levels_and_the_table_scores_them()
            throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        Customer named = fixtures.customer(manager, Fixtures.unique("档次"));
        Customer numbered = fixtures.customer(manager, Fixtures.unique("序号"));
        Customer bad = fixtures.customer(manager, Fixtures.unique("错误"));
        Customer alone = fixtures.customer(manager, Fixtures.unique("单个"));
        Customer disagrees = fixtures.customer(manager, Fixtures.unique("不符"));
        PotentialFactors on = new PotentialFactors(true, PotentialFactors.DEFAULT.rows(),
                PotentialFactors.DEFAULT.columns(), PotentialFactors.DEFAULT.scores());

        // while the table is off, levels are refused: the score is the potential
        String off = upload("code,name,industry,region,owner,客户规模,决策人职位\n" + row(named) + ",大型,中层\n");
        assertThat(Jsoup.parse(off).select("#bad-lines tbody tr").eachText()).containsExactly(
                "2 Potential: first factor 大型 Potential by two factors is off: give the potential as a score from 1 "
                        + "to 9, or ask an admin to turn the table on.");

        factors.save(admin.asViewer(), on, factors.current().version());
        try {
            // headed by the factors' names, levels by name in either language or by place; the seed's 9 8 5 / 7 5 3 / 3 2 1
            String page = upload("code,name,industry,region,owner,Customer size,决策人职位\n"
                    + row(named) + ",大型,middle\n" + row(numbered) + ",3,1\n");
            assertThat(page).contains("All 2 lines imported.");
            assertThat(levels(named.getId())).containsExactly(8, 0, 1);
            assertThat(levels(numbered.getId())).containsExactly(3, 2, 0);
            assertThat(changes(named.getId())).containsExactly("potential:null>8");

            String refused = upload("code,name,industry,region,owner,potential,potential_row,potential_column\n"
                    + row(bad) + ",,特大,高层\n"        // 2: no such level
                    + row(alone) + ",,大型,\n"          // 3: one level without the other
                    + row(disagrees) + ",4,大型,高层\n"); // 4: the table says 9
            assertThat(Jsoup.parse(refused).select("#bad-lines tbody tr").eachText()).containsExactly(
                    "2 Potential: first factor 特大 Not a level of this factor: write one of its levels as the potential "
                            + "table names them (in Chinese or English), or 1 to 3.",
                    "3 Potential: second factor Give the level of both factors: the potential table needs the two.",
                    "4 Potential 4 The factor levels score 9 in the potential table: leave the potential blank or make it 9.");
            assertThat(levels(bad.getId())).containsExactly(null, null, null);
            assertThat(levels(disagrees.getId())).containsExactly(null, null, null);

            // the exports write the levels, and the file imports back with nothing changed
            CSVRecord listed = record(download("/customers/export.csv?owner=" + manager.getId(), "zh-CN"), "客户编码",
                    named);
            assertThat(listed.get("潜力：第一因素")).isEqualTo("大型");
            assertThat(listed.get("潜力：第二因素")).isEqualTo("中层");
            CSVRecord full = record(download("/exports/customers.csv", "en"), "Customer code", numbered);
            assertThat(List.of(full.get("Potential"), full.get("Potential: first factor"),
                    full.get("Potential: second factor"))).containsExactly("3", "3", "1");
            long audited = audited(List.of(named.getId(), numbered.getId(), bad.getId()));
            String again = Imports.upload(mvc, jdbc, director, "customers", download("/exports/customers.csv", "zh-CN"));
            assertThat(Jsoup.parse(again).select("#bad-lines tbody tr")).isEmpty();
            assertThat(levels(named.getId())).containsExactly(8, 0, 1);
            assertThat(audited(List.of(named.getId(), numbered.getId(), bad.getId()))).isEqualTo(audited);

            // a score typed later explains itself: the levels go
            upload("code,name,industry,region,owner,potential\n" + row(named) + ",6\n");
            assertThat(levels(named.getId())).containsExactly(6, null, null);
        } finally {
            factors.save(admin.asViewer(), PotentialFactors.DEFAULT, factors.current().version());
        }
    }

    /** The potential and the levels it was entered by (0-based), as stored. */
    private List<Object> levels(long id) {
        return jdbc.queryForObject("SELECT potential, potential_row, potential_column FROM customer WHERE id = ?",
                (rs, n) -> java.util.Arrays.asList(rs.getObject(1) == null ? null : rs.getInt(1),
                        rs.getObject(2) == null ? null : rs.getInt(2), rs.getObject(3) == null ? null : rs.getInt(3)), id);
    }

    private String upload(String file) throws Exception {
        return upload(file, "en");
    }

    private String upload(String file, String language) throws Exception {
        return Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8), language);
    }

    /** The required cells of a line for this customer, as it is. */
    private String row(Customer customer) {
        return customer.getCode() + "," + customer.getName() + ",MANUFACTURING,EAST," + manager.getUsername();
    }

    private void assessAs(Customer customer, Integer potential, String adoption, AppUser by, Instant at) {
        jdbc.update("""
                UPDATE customer SET potential = ?, potential_by_id = ?, potential_at = ?, adoption = ?,
                    adoption_by_id = ?, adoption_at = ? WHERE id = ?""", potential, potential == null ? null : by.getId(),
                potential == null ? null : Timestamp.from(at), adoption, adoption == null ? null : by.getId(),
                adoption == null ? null : Timestamp.from(at), customer.getId());
    }

    private long id(String code) {
        return jdbc.queryForObject("SELECT id FROM customer WHERE code = ?", Long.class, code);
    }

    private List<Object> assessment(long id) {
        return jdbc.queryForObject("SELECT potential, adoption FROM customer WHERE id = ?",
                (rs, n) -> java.util.Arrays.asList(rs.getObject(1) == null ? null : rs.getInt(1), rs.getString(2)), id);
    }

    /** Who set the potential and when, who set the adoption and when. */
    private List<Object> provenance(long id) {
        return jdbc.queryForObject("""
                SELECT potential_by_id, potential_at, adoption_by_id, adoption_at FROM customer WHERE id = ?""",
                (rs, n) -> java.util.Arrays.asList(rs.getObject(1) == null ? null : rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), id);
    }

    private void assertAssessed(long id, int potential, String adoption, AppUser by, Instant from, Instant to) {
        assertThat(assessment(id)).containsExactly(potential, adoption);
        List<Object> set = provenance(id);
        assertThat(set.get(0)).isEqualTo(by.getId());
        assertThat(set.get(2)).isEqualTo(by.getId());
        assertThat((Instant) set.get(1)).isBetween(from, to);
        assertThat(set.get(3)).isEqualTo(set.get(1));
    }

    /** The customer's audited updates as field:old>new, by field. */
    private List<String> changes(long id) {
        return jdbc.queryForList("""
                SELECT field || ':' || COALESCE(old_value, 'null') || '>' || new_value FROM audit_event
                WHERE customer_id = ? AND action = 'UPDATE' ORDER BY field, occurred_at""", String.class, id);
    }

    private long audited(List<Long> ids) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE customer_id IN (?, ?, ?)", Long.class,
                ids.toArray());
    }

    private List<Map<String, Object>> rows(List<Long> ids) {
        return jdbc.queryForList("SELECT * FROM customer WHERE id IN (?, ?, ?) ORDER BY id", ids.toArray());
    }

    private Map<String, Object> checksum() {
        return jdbc.queryForMap("SELECT COUNT(*) AS n, MAX(id) AS last_id, SUM(version) AS versions, "
                + "(SELECT COUNT(*) FROM audit_event) AS audits FROM customer");
    }

    private byte[] download(String url, String language) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(manager)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static CSVRecord record(byte[] csv, String codeColumn, Customer customer) throws Exception {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords().stream().filter(r -> r.get(codeColumn).equals(customer.getCode())).findFirst()
                .orElseThrow();
    }

    /** The customer's cells under these two headers, side by side. */
    private static List<Cell> workbookCells(byte[] xlsx, Customer customer, String potential, String adoption)
            throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> header = rows.get(0).stream().map(cell -> cell.getText()).toList();
            int at = header.indexOf(potential);
            assertThat(header.get(at + 1)).isEqualTo(adoption);
            Row row = rows.stream().filter(r -> customer.getCode().equals(r.getCellText(0))).findFirst().orElseThrow();
            return List.of(row.getCell(at), row.getCell(at + 1));
        }
    }
}
