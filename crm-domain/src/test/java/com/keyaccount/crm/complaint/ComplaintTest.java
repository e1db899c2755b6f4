package com.keyaccount.crm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ComplaintTest {

    private static final Instant NOW = Instant.parse("2026-03-09T02:00:00Z");
    private final AppUser owner = new AppUser("zhang", "{noop}x", "张伟", Role.ACCOUNT_MANAGER, "EAST");
    private final Customer customer = new Customer(new CustomerProfile("C1", "客户", Industry.IT, Region.EAST, null,
            null, null, null, null, CustomerStatus.ACTIVE, null, false, null, null), owner, NOW);

    private Complaint complaint() {
        return new Complaint(new Complaint.Received(customer, null, ComplaintChannel.PHONE,
                ComplaintCategory.DELIVERY, Severity.MAJOR, "  货晚到三天  ", Tier.A, 1, NOW.plus(Duration.ofHours(4)),
                NOW.plus(Duration.ofDays(2)), "t-1"), "li", NOW);
    }

    @Test
    void a_new_complaint_is_received_owned_by_the_customers_manager_with_its_first_step() {
        Complaint c = complaint();
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(c.getOwner()).isSameAs(owner);
        assertThat(c.getDescription()).isEqualTo("货晚到三天");
        assertThat(c.getSteps()).extracting(ComplaintStep::getStep, ComplaintStep::getActor)
                .containsExactly(tuple(StepKind.RECEIVED, "li"));
    }

    @Test
    void a_complaint_without_a_description_is_refused() {
        assertThatThrownBy(() -> new Complaint(new Complaint.Received(customer, null, ComplaintChannel.PHONE,
                ComplaintCategory.DELIVERY, Severity.MAJOR, " ", Tier.A, 1, NOW, NOW, "t-2"), "li", NOW))
                .isInstanceOf(ComplaintRefusedException.class);
    }

    @Test
    void it_goes_received_answered_resolved_confirmed_each_step_with_who_and_when() {
        Complaint c = complaint();
        c.answer("明天补发", "zhang", NOW.plusSeconds(60));
        c.resolve("已补发并致歉", "zhang", NOW.plusSeconds(120));
        c.confirm(null, "zhang", NOW.plusSeconds(180));
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CONFIRMED);
        assertThat(c.getSteps()).extracting(ComplaintStep::getStep).containsExactly(StepKind.RECEIVED,
                StepKind.ANSWERED, StepKind.RESOLVED, StepKind.CONFIRMED);
        assertThat(c.getAnsweredAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(c.getResolvedBy()).isEqualTo("zhang");
    }

    @Test
    void an_open_complaint_is_handed_over_keeping_its_deadlines_and_a_closed_one_is_not() {
        Complaint c = complaint();
        AppUser li = new AppUser("li", "{noop}x", "李娜", Role.ACCOUNT_MANAGER, "EAST");
        assertThatThrownBy(() -> c.assignTo(owner, "zhang", NOW)).isInstanceOf(ComplaintRefusedException.class)
                .satisfies(e -> assertThat(((ComplaintRefusedException) e).code()).isEqualTo("sameOwner"));

        c.assignTo(li, "zhang", NOW.plusSeconds(60));
        assertThat(c.getOwner()).isSameAs(li);
        assertThat(c.getResolveDueAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(c.getSteps()).extracting(ComplaintStep::getStep, ComplaintStep::getNote)
                .containsExactly(tuple(StepKind.RECEIVED, null), tuple(StepKind.ASSIGNED, "李娜"));

        c.resolve("已处理", "li", NOW.plusSeconds(120));
        assertThatThrownBy(() -> c.assignTo(owner, "li", NOW.plusSeconds(180)))
                .isInstanceOf(ComplaintRefusedException.class);
        assertThat(c.getOwner()).isSameAs(li);
    }

    @Test
    void a_complaint_cannot_be_closed_without_a_resolution_note() {
        Complaint c = complaint();
        assertThatThrownBy(() -> c.resolve("   ", "zhang", NOW)).isInstanceOf(ComplaintRefusedException.class)
                .satisfies(e -> assertThat(((ComplaintRefusedException) e).field()).isEqualTo("resolution"));
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(c.getSteps()).hasSize(1);
    }

    @Test
    void steps_out_of_order_are_refused() {
        Complaint c = complaint();
        assertThatThrownBy(() -> c.confirm(null, "zhang", NOW)).isInstanceOf(ComplaintRefusedException.class);
        assertThatThrownBy(() -> c.reopen("再次", NOW, "zhang", NOW)).isInstanceOf(ComplaintRefusedException.class);
        c.resolve("已处理", "zhang", NOW);
        assertThat(c.getAnsweredAt()).as("a resolution answers the customer too").isEqualTo(NOW);
        assertThatThrownBy(() -> c.answer("再回复", "zhang", NOW)).isInstanceOf(ComplaintRefusedException.class);
    }

    @Test
    void a_reopened_complaint_is_answered_again_with_a_new_resolution_deadline_and_keeps_its_history() {
        Complaint c = complaint();
        c.resolve("已处理", "zhang", NOW);
        c.confirm("电话确认", "zhang", NOW);
        Instant again = NOW.plus(Duration.ofDays(5));
        assertThatThrownBy(() -> c.reopen("", again, "zhang", NOW)).isInstanceOf(ComplaintRefusedException.class);
        c.reopen("问题再次出现", again, "zhang", NOW.plusSeconds(5));
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.ANSWERED);
        assertThat(c.getResolveDueAt()).isEqualTo(again);
        assertThat(c.getResolution()).isNull();
        assertThat(c.getSteps()).extracting(ComplaintStep::getStep).endsWith(StepKind.RESOLVED, StepKind.CONFIRMED,
                StepKind.REOPENED);
    }

    @Test
    void overdue_means_open_and_past_the_deadline_that_still_applies() {
        Complaint c = complaint();
        assertThat(c.isOverdue(NOW.plus(Duration.ofHours(3)))).isFalse();
        assertThat(c.isOverdue(NOW.plus(Duration.ofHours(5)))).as("not answered in 4 h").isTrue();
        c.answer("在处理", "zhang", NOW.plus(Duration.ofHours(5)));
        assertThat(c.isOverdue(NOW.plus(Duration.ofHours(6)))).as("answered: the resolution deadline counts").isFalse();
        assertThat(c.isOverdue(NOW.plus(Duration.ofDays(3)))).isTrue();
        c.resolve("已处理", "zhang", NOW.plus(Duration.ofDays(3)));
        assertThat(c.isOverdue(NOW.plus(Duration.ofDays(4)))).as("resolved is not open").isFalse();
    }
}
