package com.keyaccount.crm.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's own rules (seed 000): its steps, who decides, and what a plan must say. */
class AccountPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-02T02:00:00Z");
    private static final Quarter Q4 = new Quarter(2026, 4);
    private final AppUser owner = new AppUser("zhang", "{noop}x", "张伟", Role.ACCOUNT_MANAGER, "EAST");
    private final AppUser director = new AppUser("zhao", "{noop}x", "赵敏", Role.SALES_DIRECTOR, "EAST");
    private final Customer customer = new Customer(new CustomerProfile("C1", "客户", Industry.IT, Region.EAST, null,
            null, null, null, null, CustomerStatus.ACTIVE, null, false, null, null), owner, NOW);

    private PlanContent content(PlanContent.Action... actions) {
        return new PlanContent("  签下框架协议  ", new BigDecimal("500000"), " ", List.of(actions));
    }

    private PlanContent.Action visit(LocalDate by) {
        return new PlanContent.Action(" 拜访采购总监 ", by, owner, Channel.VISIT);
    }

    @Test
    void a_new_plan_is_a_draft_of_its_quarter_with_its_texts_trimmed() {
        AccountPlan plan = new AccountPlan(customer, Q4, owner, content(visit(LocalDate.of(2026, 11, 20))), NOW);
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.getQuarterStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(plan.getGoals()).isEqualTo("签下框架协议");
        assertThat(plan.getResources()).isNull();
        assertThat(plan.getActions()).extracting(PlanAction::getDescription, PlanAction::getPosition)
                .containsExactly(tuple("拜访采购总监", 0));
    }

    @Test
    void it_goes_draft_submitted_returned_then_submitted_again_and_approved() {
        AccountPlan plan = new AccountPlan(customer, Q4, owner, content(visit(LocalDate.of(2026, 11, 20))), NOW);
        plan.submit(NOW);
        plan.returnForRework(director, " 请补充技术交流 ", NOW.plusSeconds(60));
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.RETURNED);
        assertThat(plan.getDecisionComment()).isEqualTo("请补充技术交流");
        assertThat(plan.getDecidedBy()).isEqualTo("zhao");
        plan.submit(NOW.plusSeconds(120));
        plan.approve(director, "", NOW.plusSeconds(180));
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plan.getDecisionComment()).isNull();
    }

    @Test
    void a_change_to_an_approved_plan_makes_it_a_draft_and_a_submitted_one_cannot_be_changed() {
        AccountPlan plan = new AccountPlan(customer, Q4, owner, content(visit(LocalDate.of(2026, 11, 20))), NOW);
        plan.submit(NOW);
        assertThatThrownBy(() -> plan.revise(content(visit(LocalDate.of(2026, 12, 1))), NOW))
                .isInstanceOf(PlanRefusedException.class).extracting(e -> ((PlanRefusedException) e).code()).isEqualTo("wrongStatus");
        plan.approve(director, null, NOW);
        plan.revise(content(visit(LocalDate.of(2026, 12, 1))), NOW);
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.getActions()).extracting(PlanAction::getDueOn).containsExactly(LocalDate.of(2026, 12, 1));
    }

    @Test
    void nobody_decides_on_their_own_plan_and_returning_needs_a_comment() {
        AccountPlan plan = new AccountPlan(customer, Q4, owner, content(visit(LocalDate.of(2026, 11, 20))), NOW);
        plan.submit(NOW);
        assertThatThrownBy(() -> plan.approve(owner, "自己批", NOW)).isInstanceOf(PlanRefusedException.class)
                .extracting(e -> ((PlanRefusedException) e).code()).isEqualTo("ownPlan");
        assertThatThrownBy(() -> plan.returnForRework(director, "  ", NOW)).isInstanceOf(PlanRefusedException.class)
                .extracting(e -> ((PlanRefusedException) e).code()).isEqualTo("required");
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
        assertThatThrownBy(() -> new AccountPlan(customer, Q4, owner, content(), NOW).approve(director, null, NOW))
                .as("a draft is not decided on").isInstanceOf(PlanRefusedException.class);
    }

    @Test
    void a_plan_without_actions_is_saved_but_not_submitted() {
        AccountPlan plan = new AccountPlan(customer, Q4, owner, content(), NOW);
        assertThatThrownBy(() -> plan.submit(NOW)).isInstanceOf(PlanRefusedException.class)
                .extracting(e -> ((PlanRefusedException) e).code()).isEqualTo("noActions");
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void every_problem_is_refused_at_once_each_beside_its_field_and_nothing_changes() {
        AccountPlan plan = new AccountPlan(customer, Q4, owner, content(visit(LocalDate.of(2026, 11, 20))), NOW);
        PlanContent bad = new PlanContent(" ", new BigDecimal("-1"), "x".repeat(2001), List.of(
                new PlanContent.Action("ok", LocalDate.of(2027, 1, 1), owner, null),
                new PlanContent.Action(" ", null, null, Channel.PHONE)));
        assertThatThrownBy(() -> plan.revise(bad, NOW.plusSeconds(5))).isInstanceOfSatisfying(
                PlanRefusedException.class, e -> assertThat(e.refusals()).containsExactlyInAnyOrder(
                        new PlanRefusedException.Refusal("goals", "required"),
                        new PlanRefusedException.Refusal("resources", "tooLong"),
                        new PlanRefusedException.Refusal("expectedRevenue", "revenueRange"),
                        new PlanRefusedException.Refusal("actions[0].dueOn", "outsideQuarter"),
                        new PlanRefusedException.Refusal("actions[1].description", "required"),
                        new PlanRefusedException.Refusal("actions[1].dueOn", "required"),
                        new PlanRefusedException.Refusal("actions[1].ownerId", "notAColleague")));
        assertThat(plan.getGoals()).isEqualTo("签下框架协议");
        assertThat(plan.getActions()).hasSize(1);
        assertThat(plan.getUpdatedAt()).isEqualTo(NOW);
    }
}
