package com.keyaccount.crm.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.prospect.application.MoveCommand;
import com.keyaccount.crm.prospect.application.ProspectNotFoundException;
import com.keyaccount.crm.prospect.application.OrderWins;
import com.keyaccount.crm.prospect.application.ProspectService;
import com.keyaccount.crm.prospect.application.StageMoveRefusedException;
import com.keyaccount.crm.prospect.application.StaleProspectException;
import com.keyaccount.crm.prospect.application.TickCommand;
import com.keyaccount.crm.prospect.application.TickRejectedException;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ladder's use cases against the database: moves, refusals, ownership, stale edits, orders. */
@FullStackTest
class ProspectLadderUseCasesTest {

    private final ProspectService prospects;
    private final OrderWins orderWins;
    private final CustomerService customers;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    ProspectLadderUseCasesTest(ProspectService prospects, OrderWins orderWins, CustomerService customers, Fixtures fixtures,
            JdbcTemplate jdbc) {
        this.prospects = prospects;
        this.orderWins = orderWins;
        this.customers = customers;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    private Customer lead(AppUser owner, String annualSales) {
        return customers.create(viewer(owner), new CustomerProfile(Fixtures.unique("P"), Fixtures.unique("潜在客户"),
                Industry.MANUFACTURING, Region.EAST, new BigDecimal(annualSales), 120, "025-1234567", "025-7654321",
                null, CustomerStatus.PROSPECT, null, false, null, null), null);
    }

    private static Viewer viewer(AppUser user) {
        return Fixtures.principal(user).viewer();
    }

    @Test
    void a_lead_with_its_five_facts_and_size_on_record_moves_to_A08_and_the_move_is_history() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000");
        assertThat(prospects.view(viewer(manager), lead.getId()).stageCode()).isEqualTo("A21");

        prospects.move(viewer(manager), lead.getId(), new MoveCommand("A08", null, null, null, null));

        var view = prospects.view(viewer(manager), lead.getId());
        assertThat(view.stageCode()).isEqualTo("A08");
        assertThat(view.history()).singleElement().satisfies(h -> {
            assertThat(h.getFromStage()).isEqualTo("A21");
            assertThat(h.getToStage()).isEqualTo("A08");
            assertThat(h.getChangedBy()).isEqualTo(manager.getUsername());
            assertThat(h.getConditions()).contains("five_facts", "size_threshold", "target_industry");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE customer_id = ? AND field = 'stage'",
                Integer.class, lead.getId())).isOne();
    }

    @Test
    void a_small_company_cannot_skip_to_intent_and_is_told_every_stage_that_is_missing() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "100000");

        assertThatThrownBy(() -> prospects.move(viewer(manager), lead.getId(),
                new MoveCommand("A05", null, null, null, null)))
                .isInstanceOfSatisfying(StageMoveRefusedException.class, e -> assertThat(e.refused().missing())
                        .extracting(m -> m.stage().code()).containsExactly("A08", "A07", "A06", "A05"));
        assertThat(prospects.view(viewer(manager), lead.getId()).stageCode()).isEqualTo("A21");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prospect WHERE customer_id = ?", Integer.class,
                lead.getId())).as("nothing half-written").isZero();
    }

    @Test
    void automatic_conditions_cannot_be_ticked_and_decision_maker_ones_need_a_contact_of_this_customer() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000");
        LocalDate today = LocalDate.now();

        assertThatThrownBy(() -> prospects.tick(viewer(manager), lead.getId(),
                new TickCommand("size_threshold", today, null, null)))
                .isInstanceOfSatisfying(TickRejectedException.class,
                        e -> assertThat(e.why()).isEqualTo(TickRejectedException.Why.AUTOMATIC));
        assertThatThrownBy(() -> prospects.tick(viewer(manager), lead.getId(),
                new TickCommand("neutral_by_decision_maker", today, "见面", null)))
                .isInstanceOfSatisfying(TickRejectedException.class,
                        e -> assertThat(e.why()).isEqualTo(TickRejectedException.Why.CONTACT_REQUIRED));
        assertThatThrownBy(() -> prospects.tick(viewer(manager), lead.getId(),
                new TickCommand("neutral_answer", today.plusDays(2), null, null)))
                .isInstanceOfSatisfying(TickRejectedException.class,
                        e -> assertThat(e.why()).isEqualTo(TickRejectedException.Why.FUTURE_DATE));

        prospects.tick(viewer(manager), lead.getId(), new TickCommand("neutral_answer", today, "再说吧", null));
        assertThat(prospects.view(viewer(manager), lead.getId()).met()).contains("neutral_answer");
    }

    @Test
    void the_same_condition_ticked_at_once_from_several_phones_keeps_one_tick_and_fails_none() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000");
        LocalDate today = LocalDate.now();
        int phones = 6;
        CyclicBarrier together = new CyclicBarrier(phones);
        ExecutorService pool = Executors.newFixedThreadPool(phones);
        try {
            List<Future<?>> taps = new ArrayList<>();
            for (int i = 0; i < phones; i++) {
                String note = "第" + i + "次";
                taps.add(pool.submit(() -> {
                    together.await();
                    prospects.tick(viewer(manager), lead.getId(), new TickCommand("neutral_answer", today, note, null));
                    return null;
                }));
            }
            for (Future<?> tap : taps) {
                tap.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prospect_tick WHERE customer_id = ? AND condition_key = ?",
                Integer.class, lead.getId(), "neutral_answer")).isOne();
        assertThat(prospects.view(viewer(manager), lead.getId()).met()).contains("neutral_answer");
    }

    @Test
    void another_managers_prospect_is_missing_and_a_customer_that_never_was_a_prospect_has_no_ladder() {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(owner, "9000000");
        Customer active = fixtures.customer(owner, Fixtures.unique("老客户"));

        assertThatThrownBy(() -> prospects.view(viewer(other), lead.getId()))
                .isInstanceOf(ProspectNotFoundException.class);
        assertThatThrownBy(() -> prospects.move(viewer(other), lead.getId(),
                new MoveCommand("A08", null, null, null, null))).isInstanceOf(ProspectNotFoundException.class);
        assertThatThrownBy(() -> prospects.view(viewer(owner), active.getId()))
                .isInstanceOf(ProspectNotFoundException.class);
    }

    @Test
    void a_move_made_against_an_old_version_is_a_conflict_and_a_downgrade_needs_a_reason() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000");
        prospects.move(viewer(manager), lead.getId(), new MoveCommand("A08", null, null, null, null));

        assertThatThrownBy(() -> prospects.move(viewer(manager), lead.getId(),
                new MoveCommand("A21", null, "重新评估", null, null))).isInstanceOf(StaleProspectException.class);
        long version = prospects.view(viewer(manager), lead.getId()).version();
        assertThatThrownBy(() -> prospects.move(viewer(manager), lead.getId(),
                new MoveCommand("A21", version, " ", null, null))).isInstanceOf(StageMoveRefusedException.class);

        prospects.move(viewer(manager), lead.getId(), new MoveCommand("A21", version, "规模数据有误", null, null));
        assertThat(prospects.view(viewer(manager), lead.getId()).history().get(0).getReason()).isEqualTo("规模数据有误");
    }

    @Test
    void a_first_order_wins_the_prospect_and_makes_it_a_customer() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "100000");
        jdbc.update("INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at) "
                + "VALUES (?, 'SO-1', DATE '2026-01-05', 1200.00, CURRENT_TIMESTAMP)", lead.getId());

        assertThat(orderWins.winByOrders("erp")).isGreaterThanOrEqualTo(1);

        var view = prospects.view(viewer(manager), lead.getId());
        assertThat(view.stageCode()).isEqualTo("A02");
        assertThat(view.history().get(0).getChangedBy()).isEqualTo("erp");
        assertThat(customers.get(viewer(manager), lead.getId()).getStatus()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(orderWins.winByOrders("erp")).as("already won: nothing moves twice").isZero();
        // other tests count on being the only ones with revenue in the shared database
        jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", lead.getId());
    }
}
