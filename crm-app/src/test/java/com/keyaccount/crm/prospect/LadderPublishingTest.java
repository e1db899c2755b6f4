package com.keyaccount.crm.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.prospect.application.ProspectLadders;
import com.keyaccount.crm.prospect.editor.LadderPublishing;
import com.keyaccount.crm.prospect.editor.LadderRefusedException;
import com.keyaccount.crm.prospect.editor.StaleLadderException;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.Evidence;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishing the prospect ladder: the next version, never over a newer one, never with
 * violations, never removing a stage that prospects stand on; restoring publishes an old one
 * again; every publication is audited.
 */
@FullStackTest
class LadderPublishingTest {

    private final LadderPublishing publishing;
    private final ProspectLadders ladders;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final List<Long> prospects = new ArrayList<>();
    private AppUser admin;

    LadderPublishingTest(LadderPublishing publishing, ProspectLadders ladders, Fixtures fixtures, JdbcTemplate jdbc) {
        this.publishing = publishing;
        this.ladders = ladders;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void anAdmin() {
        Ladders.backToTheSeed(jdbc);
        admin = fixtures.user(Role.ADMIN);
    }

    @AfterEach
    void theSeedAgain() {
        for (long id : prospects) {
            jdbc.update("DELETE FROM prospect WHERE customer_id = ?", id);
            jdbc.update("UPDATE customer SET deleted = TRUE WHERE id = ?", id);
        }
        Ladders.backToTheSeed(jdbc);
    }

    @Test
    void a_ladder_is_published_as_the_next_version_and_is_in_force_at_once() {
        ProspectLadder typed = Ladders.withCadence(SeedLadder.ladder(), CloseClass.B, 14);

        int first = publishing.publish(Ladders.viewer(admin), typed, 0);
        int second = publishing.publish(Ladders.viewer(admin), Ladders.withCadence(typed, CloseClass.C, 20), first);

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(ladders.inForce().version()).isEqualTo(2);
        assertThat(ladders.inForce().ladder().cadenceDays(CloseClass.B)).isEqualTo(14);
        assertThat(ladders.inForce().ladder().cadenceDays(CloseClass.C)).isEqualTo(20);
        // the first version is kept as it was published
        assertThat(ladders.version(1).orElseThrow().cadenceDays(CloseClass.C)).isEqualTo(15);
        assertThat(publishing.versions()).extracting(v -> v.version()).containsExactly(2, 1, 0);
        assertThat(publishing.versions().get(0).createdBy()).isEqualTo(admin.getUsername());
    }

    @Test
    void an_edited_condition_keeps_its_key_and_a_new_one_gets_a_key_of_its_own() {
        ProspectLadder seed = SeedLadder.ladder();
        ProspectLadder typed = Ladders.withStage(seed, "A04", s -> {
            List<LadderCondition> conditions = new ArrayList<>();
            LadderCondition first = s.conditions().get(0);
            conditions.add(new LadderCondition(first.key(), "预期金额在对方能力之内（已改）", "Affordable (edited)", first.evidence()));
            conditions.addAll(s.conditions().subList(1, s.conditions().size()));
            conditions.add(new LadderCondition(null, "对方已确认交货期", "They confirmed the delivery date", Evidence.TICK));
            conditions.add(new LadderCondition(" ", "对方已确认付款方式", "They confirmed the payment terms", Evidence.TICK));
            return Ladders.withConditions(s, conditions);
        });

        publishing.publish(Ladders.viewer(admin), typed, 0);

        StageDefinition a04 = ladders.inForce().ladder().stage("A04").orElseThrow();
        assertThat(a04.conditions().get(0).key()).isEqualTo(seed.stage("A04").orElseThrow().conditions().get(0).key());
        assertThat(a04.conditions().get(0).textZh()).isEqualTo("预期金额在对方能力之内（已改）");
        String added = a04.conditions().get(2).key();
        String alsoAdded = a04.conditions().get(3).key();
        assertThat(List.of(added, alsoAdded)).allMatch(key -> LadderCondition.KEY.matcher(key).matches());
        assertThat(added).isNotEqualTo(alsoAdded);
        assertThat(seed.condition(added)).isEmpty();
        assertThat(ladders.inForce().ladder().violations()).isEmpty();
    }

    @Test
    void a_ladder_with_violations_is_refused_and_nothing_is_published() {
        ProspectLadder noWonStage = Ladders.without(SeedLadder.ladder(), "A02");

        assertThat(publishing.violations(noWonStage)).extracting(Violation::code).contains("kindCount");
        assertThatThrownBy(() -> publishing.publish(Ladders.viewer(admin), noWonStage, 0))
                .isInstanceOf(LadderRefusedException.class);
        assertThat(ladders.inForce().version()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prospect_ladder", Long.class)).isZero();
    }

    @Test
    void a_ladder_edited_from_an_older_version_is_a_conflict_and_overwrites_nothing() {
        ProspectLadder theirs = Ladders.withCadence(SeedLadder.ladder(), CloseClass.A, 2);
        ProspectLadder mine = Ladders.withCadence(SeedLadder.ladder(), CloseClass.E, 180);
        publishing.publish(Ladders.viewer(fixtures.user(Role.ADMIN)), theirs, 0);

        assertThatThrownBy(() -> publishing.publish(Ladders.viewer(admin), mine, 0))
                .isInstanceOfSatisfying(StaleLadderException.class, e -> assertThat(e.inForce()).isEqualTo(1));
        assertThat(ladders.inForce().version()).isEqualTo(1);
        assertThat(ladders.inForce().ladder().cadenceDays(CloseClass.A)).isEqualTo(2);
        assertThat(ladders.inForce().ladder().cadenceDays(CloseClass.E)).isEqualTo(365);
    }

    @Test
    void a_stage_prospects_stand_on_cannot_be_removed_and_the_refusal_names_it_and_how_many() {
        int v1 = publishing.publish(Ladders.viewer(admin), Ladders.withStepAfter(SeedLadder.ladder(), "A05", "A045"), 0);
        prospectOn("A045");
        prospectOn("A045");

        ProspectLadder withoutIt = Ladders.without(ladders.inForce().ladder(), "A045");

        assertThat(publishing.prospectsOn("A045")).isEqualTo(2);
        assertThatThrownBy(() -> publishing.publish(Ladders.viewer(admin), withoutIt, v1))
                .isInstanceOfSatisfying(LadderRefusedException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("stages", "stageInUse", "A045", "测试阶段", "Test stage", 2L)));
        assertThat(ladders.inForce().ladder().stage("A045")).isPresent();
        // a stage nobody stands on goes
        assertThat(publishing.publish(Ladders.viewer(admin), Ladders.without(ladders.inForce().ladder(), "A01"), v1))
                .isEqualTo(2);
    }

    @Test
    void prospects_without_a_recorded_stage_stand_on_the_lead_stage() {
        Customer waiting = prospect();
        long onLead = jdbc.queryForObject("""
                SELECT COUNT(*) FROM customer c WHERE c.status = 'PROSPECT' AND c.deleted = FALSE
                  AND NOT EXISTS (SELECT 1 FROM prospect p WHERE p.customer_id = c.id)""", Long.class)
                + jdbc.queryForObject("""
                SELECT COUNT(*) FROM prospect p JOIN customer c ON c.id = p.customer_id
                WHERE p.stage = 'A21' AND c.deleted = FALSE""", Long.class);
        ProspectLadder seed = SeedLadder.ladder();
        StageDefinition a21 = seed.lead();
        StageDefinition newLead = new StageDefinition("A22", "线索级", "New lead", a21.kind(), a21.requirement(), List.of());
        List<StageDefinition> stages = new ArrayList<>(seed.stages());
        stages.set(0, newLead);

        assertThat(waiting.getId()).isPositive();
        assertThat(publishing.prospectsOn("A21")).isEqualTo(onLead).isPositive();
        assertThatThrownBy(() -> publishing.publish(Ladders.viewer(admin), Ladders.withStages(seed, stages), 0))
                .isInstanceOfSatisfying(LadderRefusedException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("stages", "stageInUse", "A21", "资料级", "Lead", onLead)));
    }

    @Test
    void restoring_an_old_version_publishes_its_content_as_the_next_version() {
        int v1 = publishing.publish(Ladders.viewer(admin), Ladders.withCadence(SeedLadder.ladder(), CloseClass.D, 45), 0);
        int v2 = publishing.publish(Ladders.viewer(admin), Ladders.withCadence(SeedLadder.ladder(), CloseClass.D, 60), v1);

        int v3 = publishing.restore(Ladders.viewer(admin), v1, v2);

        assertThat(v3).isEqualTo(3);
        assertThat(ladders.inForce().ladder()).isEqualTo(ladders.version(v1).orElseThrow());
        assertThat(ladders.version(v2).orElseThrow().cadenceDays(CloseClass.D)).isEqualTo(60);
        // the seed's ladder comes back the same way
        assertThat(publishing.restore(Ladders.viewer(admin), 0, v3)).isEqualTo(4);
        assertThat(ladders.inForce().ladder()).isEqualTo(SeedLadder.ladder());
        // a restore over a newer version is a conflict too
        assertThatThrownBy(() -> publishing.restore(Ladders.viewer(admin), v2, v3))
                .isInstanceOf(StaleLadderException.class);
    }

    @Test
    void a_publication_is_audited_with_who_which_version_and_what_changed() {
        ProspectLadder typed = Ladders.withCadence(Ladders.withStage(SeedLadder.ladder(), "A04",
                s -> new StageDefinition(s.code(), s.nameZh(), "Price agreed", s.kind(), s.requirement(), s.conditions())),
                CloseClass.B, 10);

        int version = publishing.publish(Ladders.viewer(admin), typed, 0);
        publishing.restore(Ladders.viewer(admin), 0, version);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT action, entity_id, field, old_value, new_value FROM audit_event
                WHERE actor = ? AND entity_type = 'ProspectLadder' ORDER BY id""", admin.getUsername());
        assertThat(rows).extracting(r -> r.get("action") + " v" + r.get("entity_id") + " " + r.get("field") + ": "
                + r.get("old_value") + " -> " + r.get("new_value")).containsExactly(
                "CREATE v1 null: null -> null",
                "UPDATE v1 stage[A04].nameEn: Price -> Price agreed",
                "UPDATE v1 cadenceDays[B]: 7 -> 10",
                "CREATE v2 null: null -> null",
                "UPDATE v2 restoredFrom: null -> 0",
                "UPDATE v2 stage[A04].nameEn: Price agreed -> Price",
                "UPDATE v2 cadenceDays[B]: 10 -> 7");
    }

    @Test
    void only_an_admin_publishes() {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);

        assertThatThrownBy(() -> publishing.publish(Ladders.viewer(director), SeedLadder.ladder(), 0))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> publishing.restore(Ladders.viewer(director), 0, 0))
                .isInstanceOf(NotPermittedException.class);
        assertThat(ladders.inForce().version()).isZero();
    }

    private Customer prospect() {
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("潜在客户"));
        jdbc.update("UPDATE customer SET status = 'PROSPECT' WHERE id = ?", customer.getId());
        prospects.add(customer.getId());
        return customer;
    }

    private void prospectOn(String stage) {
        Customer customer = prospect();
        jdbc.update("INSERT INTO prospect (customer_id, stage, stage_since, version) VALUES (?, ?, CURRENT_TIMESTAMP, 0)",
                customer.getId(), stage);
    }
}
