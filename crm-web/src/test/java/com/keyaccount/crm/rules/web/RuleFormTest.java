package com.keyaccount.crm.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.rules.application.RuleChange;
import com.keyaccount.crm.rules.application.RuleSetText;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scorecard;
import com.keyaccount.crm.tier.rules.TierMethod;
import com.keyaccount.crm.web.WebSliceTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

/** The rule form puts each violation the rules report beside the field the admin typed it in. */
class RuleFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final RuleSet SEED = new RuleSet(TierMethod.PARETO, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT,
            HardRules.DEFAULT, ChurnThresholds.DEFAULT);

    @Test
    void the_seed_rules_come_back_as_they_were() {
        RuleForm form = form();
        assertThat(errors(form)).isEmpty();
        assertThat(form.toRules().map(RuleSetText::of)).contains(RuleSetText.of(SEED));
    }

    @Test
    void a_rule_of_the_rule_set_is_reported_beside_the_form_field_with_the_rules_message() {
        RuleForm form = form();
        form.setCutoffAPercent(new BigDecimal("95"));
        form.setCutoffBPercent(new BigDecimal("80"));
        form.setMinimumForB(80);
        form.setHardRevenueB(new BigDecimal("200000"));
        assertThat(errors(form)).containsExactlyInAnyOrder("cutoffAPercent: rules.cutoffs.order",
                "minimumForB: rules.bands.tierOrder", "hardRevenueB: rules.hard.revenue");
    }

    @Test
    void a_number_out_of_its_range_reads_as_before_the_rules_checked_it() {
        RuleForm form = form();
        form.setWindowMonths(0);
        form.setSilenceFactor(21);
        assertThat(errors(form)).containsExactlyInAnyOrder("windowMonths: Min", "silenceFactor: Max");
    }

    @Test
    void blank_rows_before_a_criterion_or_band_do_not_move_its_error_to_another_row() {
        RuleForm form = form();
        // row 1 emptied, so the rules' second criterion is the form's row 2, named like row 0
        form.getCriteria().add(2, form.getCriteria().get(1));
        form.getCriteria().set(1, new CriterionForm().padded());
        form.getCriteria().get(2).setName("sales");
        // in row 0, band row 1 emptied: the rules' second band (row 2) now comes after 20,000
        form.getCriteria().get(0).getBands().set(1, new BandForm());
        form.getCriteria().get(0).getBands().get(2).setThreshold(new BigDecimal("30000"));
        assertThat(errors(form)).containsExactlyInAnyOrder("criteria[2].name: rules.criterion.duplicate",
                "criteria[0].bands[2].threshold: rules.bands.descending");
    }

    @Test
    void the_forms_own_checks_come_first_and_the_rules_wait_for_every_value() {
        RuleForm form = form();
        form.getCriteria().get(0).getBands().get(0).setPoints(null);
        form.getCriteria().get(3).getBands().get(0).setPoints(5);
        form.setCutoffAPercent(new BigDecimal("99"));
        form.setEffectiveFrom(TODAY.minusDays(1));
        assertThat(errors(form)).containsExactlyInAnyOrder("criteria[0].bands[0].points: rules.required",
                "criteria[3].name: rules.criterion.unnamed", "effectiveFrom: rules.effectiveFrom.past");
    }

    @Test
    void a_scorecard_without_criteria_is_reported_on_the_first_row() {
        RuleForm form = form();
        form.getCriteria().forEach(c -> c.setName(" "));
        form.getCriteria().forEach(c -> c.getBands().replaceAll(b -> new BandForm()));
        assertThat(errors(form)).containsExactly("criteria[0].name: rules.criteria.none");
    }

    private static RuleForm form() {
        return RuleFormOf.of(new Draft<>(1, 1, 1, new RuleChange(SEED, null), null, "admin", WebSliceTest.NOW, "admin",
                WebSliceTest.NOW, 0));
    }

    private static List<String> errors(RuleForm form) {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "ruleForm");
        form.check(result, TODAY);
        return result.getFieldErrors().stream().map(RuleFormTest::describe).toList();
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getCode();
    }
}
