package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.prospect.application.GradeCommand;
import com.keyaccount.crm.prospect.application.ProspectService;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Prospects in the customer import (issue 17): optional columns stage, close_class and
 * expected_monthly_value; an imported stage is a stage change by the importing user with the
 * reason "imported"; all or nothing, each bad line told why.
 */
@FullStackTest
class ProspectImportTest {

    private static final String HEADER = "code,name,industry,region,owner,status,stage,close_class,expected_monthly_value\n";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final ProspectService prospects;
    private final FollowUpSchedule followUps;
    private AppUser director;
    private AppUser zhang;

    ProspectImportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute,
            ProspectService prospects, FollowUpSchedule followUps) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.prospects = prospects;
        this.followUps = followUps;
    }

    @BeforeEach
    void people() {
        director = fixtures.user(Role.SALES_DIRECTOR);
        zhang = fixtures.user(Role.ACCOUNT_MANAGER);
    }

    /** New customers start a recompute; the next test must not meet it running. */
    @AfterEach
    void awaitRecompute() throws Exception {
        Recomputes.awaitIdle(recompute);
    }

    @Test
    void prospect_lines_bring_stage_and_grade_and_a_stage_is_an_imported_move_by_the_importing_user()
            throws Exception {
        Customer moved = prospect("已有潜在客户");
        Customer regraded = prospect("重新评定潜在客户");
        prospects.grade(Fixtures.principal(zhang).viewer(), regraded.getId(),
                new GradeCommand(CloseClass.C, new BigDecimal("30000"), null));
        assertThat(dueRule(regraded)).isEqualTo("PROSPECT_CLASS");
        Customer won = fixtures.customer(zhang, Fixtures.unique("已成交客户"));
        String created = Fixtures.unique("P");
        String file = HEADER
                // the stage by its Chinese name, the class by its letter
                + line(moved, "", "不拒绝", "D", "")
                + created + ",新潜在客户有限公司,MANUFACTURING,EAST," + zhang.getUsername() + ",PROSPECT,A05,b,5万\n"
                + line(won, "", "A02", "", "")
                // no stage: the stage stays; an empty class clears it
                + line(regraded, "", "", "", "\"80,000\"");

        String page = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("All 4 lines imported.");
        long createdId = jdbc.queryForObject("SELECT id FROM customer WHERE code = ?", Long.class, created);
        assertThat(prospect(moved.getId())).containsEntry("stage", "A07").containsEntry("close_class", "D");
        assertThat(prospect(createdId)).containsEntry("stage", "A05").containsEntry("close_class", "B");
        assertThat((BigDecimal) prospect(createdId).get("expected_monthly_value")).isEqualByComparingTo("50000");
        assertThat(prospect(won.getId())).containsEntry("stage", "A02").containsEntry("close_class", null);
        assertThat(prospect(regraded.getId())).containsEntry("stage", "A21").containsEntry("close_class", null);
        assertThat((BigDecimal) prospect(regraded.getId()).get("expected_monthly_value")).isEqualByComparingTo("80000");

        String by = director.getUsername();
        assertThat(moves(moved.getId())).containsExactly("A21>A07 by " + by + ": imported");
        assertThat(moves(createdId)).containsExactly("A21>A05 by " + by + ": imported");
        assertThat(moves(won.getId())).containsExactly("A21>A02 by " + by + ": imported");
        assertThat(moves(regraded.getId())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prospect_stage_change WHERE customer_id = ? "
                + "AND conditions IS NULL", Integer.class, moved.getId())).as("no checklist was checked").isOne();
        assertThat(audited(moved.getId())).containsExactlyInAnyOrder("closeClass:>D", "stage:A21>A07");
        assertThat(audited(regraded.getId())).containsExactlyInAnyOrder("closeClass:C>",
                "expectedMonthlyValue:30000.00>80000.00");

        // schedules follow the new classes: B every 7 days, D every 30; a cleared class goes back to the tier
        assertThat(jdbc.queryForMap("SELECT due_rule, interval_days FROM follow_up WHERE customer_id = ?", createdId))
                .containsEntry("due_rule", "PROSPECT_CLASS").containsEntry("interval_days", 7);
        assertThat(jdbc.queryForMap("SELECT due_rule, interval_days FROM follow_up WHERE customer_id = ?",
                moved.getId())).containsEntry("due_rule", "PROSPECT_CLASS").containsEntry("interval_days", 30);
        assertThat(dueRule(regraded)).isEqualTo("ANY_CONTACT");
        assertThat(jdbc.queryForObject("SELECT status FROM customer WHERE id = ?", String.class, won.getId()))
                .isEqualTo("ACTIVE");

        // the same file again changes nothing
        assertThat(Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8)))
                .contains("All 4 lines imported.");
        assertThat(moves(moved.getId())).hasSize(1);
        assertThat(audited(moved.getId())).hasSize(2);
        Imports.forget(jdbc, director.getUsername());
    }

    @Test
    void a_bad_prospect_line_rejects_the_whole_file_and_each_is_told_why() throws Exception {
        Customer storedProspect = prospect("库中潜在客户");
        Customer storedCustomer = fixtures.customer(zhang, Fixtures.unique("库中合作客户"));
        String good = Fixtures.unique("P");
        String file = HEADER
                + newLine(good, "PROSPECT", "A05", "B", "") // line 2: fine on its own
                + newLine(Fixtures.unique("P"), "PROSPECT", "A99", "", "") // 3
                + newLine(Fixtures.unique("P"), "PROSPECT", "A05", "F", "") // 4
                + newLine(Fixtures.unique("P"), "PROSPECT", "A05", "", "-5") // 5
                + newLine(Fixtures.unique("P"), "ACTIVE", "A05", "", "") // 6
                + newLine(Fixtures.unique("P"), "PROSPECT", "A02", "", "") // 7
                + newLine(Fixtures.unique("P"), "ACTIVE", "", "B", "") // 8
                + newLine(Fixtures.unique("P"), "PROSPECT", "A31", "", "") // 9
                + line(storedProspect, "", "A01", "", "") // 10: the stored status is prospect
                + line(storedCustomer, "", "A06", "", ""); // 11: the stored status is active

        String page = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("9 of 10 lines are bad", "Nothing was imported",
                "A clear refusal needs its reason: move the prospect onto this stage on its page, not by import.",
                "Only a prospect has a close-time class and an expected monthly value");
        long id = jdbc.queryForObject("SELECT MAX(id) FROM data_import WHERE started_by = ?", Long.class,
                director.getUsername());
        assertThat(jdbc.queryForList("""
                SELECT line_no || ' ' || column_name || ' ' || reason FROM data_import_error
                WHERE import_id = ? ORDER BY line_no""", String.class, id)).containsExactly(
                "3 stage UNKNOWN_VALUE", "4 close_class UNKNOWN_VALUE", "5 expected_monthly_value BAD_NUMBER",
                "6 stage STAGE_NEEDS_PROSPECT", "7 stage PROSPECT_AT_WON_STAGE", "8 close_class GRADE_NEEDS_PROSPECT",
                "9 stage REFUSAL_BY_IMPORT", "10 stage PROSPECT_AT_WON_STAGE", "11 stage STAGE_NEEDS_PROSPECT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE code = ?", Integer.class, good)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prospect WHERE customer_id IN (?, ?)", Integer.class,
                storedProspect.getId(), storedCustomer.getId())).isZero();
        assertThat(moves(storedProspect.getId())).isEmpty();
        Imports.forget(jdbc, director.getUsername());
    }

    @Test
    void a_file_without_the_prospect_columns_leaves_stage_and_grade_as_they_are() throws Exception {
        Customer p = prospect("只改电话");
        prospects.grade(Fixtures.principal(zhang).viewer(), p.getId(),
                new GradeCommand(CloseClass.A, new BigDecimal("200000"), null));
        Map<String, Object> before = prospect(p.getId());
        String file = "code,name,industry,region,owner,phone\n" + p.getCode() + "," + p.getName()
                + ",MANUFACTURING,EAST," + zhang.getUsername() + ",025-9999\n";

        assertThat(Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8)))
                .contains("All 1 lines imported.");

        assertThat(prospect(p.getId())).isEqualTo(before);
        assertThat(dueRule(p)).isEqualTo("PROSPECT_CLASS");
        Imports.forget(jdbc, director.getUsername());
    }

    @Test
    void the_sample_file_imports_as_it_is_once_its_codes_and_owner_are_ones_own() throws Exception {
        byte[] sample = mvc.perform(get("/imports/customers/sample.csv").with(user(Fixtures.principal(director))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String customer = Fixtures.unique("C");
        String prospectCode = Fixtures.unique("P");
        String file = new String(sample, StandardCharsets.UTF_8).replace("C-10001", customer)
                .replace("P-20001", prospectCode).replace(",zhang,", "," + zhang.getUsername() + ",");

        String page = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("All 2 lines imported.");
        long id = jdbc.queryForObject("SELECT id FROM customer WHERE code = ?", Long.class, prospectCode);
        assertThat(prospect(id)).containsEntry("stage", "A05").containsEntry("close_class", "B");
        assertThat(jdbc.queryForMap("SELECT potential, adoption FROM customer WHERE code = ?", customer))
                .containsEntry("adoption", "PREFERRED").extracting(row -> ((Number) row.get("potential")).intValue())
                .isEqualTo(8);
        assertThat(jdbc.queryForList("SELECT city_code FROM customer WHERE code IN (?, ?) ORDER BY code", String.class,
                customer, prospectCode)).as("南京 and 苏州 by name").containsExactly("320100", "320500");
        Imports.forget(jdbc, director.getUsername());
    }

    private Customer prospect(String name) {
        Customer customer = fixtures.customer(zhang, Fixtures.unique(name));
        jdbc.update("UPDATE customer SET status = 'PROSPECT' WHERE id = ?", customer.getId());
        followUps.refresh(List.of(customer.getId()));
        return customer;
    }

    /** A line for a stored customer, its name and owner unchanged. */
    private String line(Customer c, String status, String stage, String closeClass, String value) {
        return c.getCode() + "," + c.getName() + ",MANUFACTURING,EAST," + zhang.getUsername() + "," + status + ","
                + stage + "," + closeClass + "," + value + "\n";
    }

    private String newLine(String code, String status, String stage, String closeClass, String value) {
        return code + ",新客户有限公司,MANUFACTURING,EAST," + zhang.getUsername() + "," + status + "," + stage + ","
                + closeClass + "," + value + "\n";
    }

    private Map<String, Object> prospect(long customerId) {
        return jdbc.queryForMap("SELECT stage, close_class, expected_monthly_value, version FROM prospect "
                + "WHERE customer_id = ?", customerId);
    }

    private List<String> moves(long customerId) {
        return jdbc.queryForList("""
                SELECT from_stage || '>' || to_stage || ' by ' || changed_by || ': ' || reason
                FROM prospect_stage_change WHERE customer_id = ? ORDER BY id""", String.class, customerId);
    }

    private List<String> audited(long customerId) {
        return jdbc.queryForList("""
                SELECT field || ':' || COALESCE(old_value, '') || '>' || COALESCE(new_value, '') FROM audit_event
                WHERE entity_type = 'Prospect' AND customer_id = ? AND actor = ?""", String.class, customerId,
                director.getUsername());
    }

    private String dueRule(Customer customer) {
        return jdbc.queryForObject("SELECT due_rule FROM follow_up WHERE customer_id = ?", String.class,
                customer.getId());
    }
}
