package com.keyaccount.crm.scoring.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.scoring.prospect.MoveDecision.Allowed;
import com.keyaccount.crm.scoring.prospect.MoveDecision.Refusal;
import com.keyaccount.crm.scoring.prospect.MoveDecision.Refused;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StageMovePolicyTest {

    private final ProspectLadder ladder = SeedLadder.ladder();
    private final ProspectFacts bigManufacturer =
            new ProspectFacts(true, Industry.MANUFACTURING, new BigDecimal("8000000"), false);

    @Test
    void theSeedLadderHasNoViolations() {
        assertThat(ladder.violations()).isEmpty();
    }

    @Test
    void aLeadWhoseRecordShowsTheFiveFactsAndTheSizeReachesA08WithoutATick() {
        Set<String> met = ConditionsMet.of(ladder, Map.of(), bigManufacturer);

        assertThat(StageMovePolicy.decide(ladder, "A21", "A08", met, false)).isInstanceOf(Allowed.class);
    }

    @Test
    void aSmallCompanyIsRefusedA08AndToldItIsTheSize() {
        ProspectFacts small = new ProspectFacts(true, Industry.MANUFACTURING, new BigDecimal("300000"), false);

        MoveDecision d = StageMovePolicy.decide(ladder, "A21", "A08", ConditionsMet.of(ladder, Map.of(), small), false);

        Refused refused = (Refused) d;
        assertThat(refused.refusal()).isEqualTo(Refusal.CONDITIONS_MISSING);
        assertThat(refused.missing()).singleElement().satisfies(m -> {
            assertThat(m.stage().code()).isEqualTo("A08");
            assertThat(m.conditions()).extracting(LadderCondition::key).containsExactly("size_threshold");
        });
    }

    @Test
    void skippingAStageNamesEveryStageOnTheWayThatIsNotMet() {
        Map<String, Boolean> ticks = new HashMap<>();
        ticks.put("unhappy_with_supplier", false);
        Set<String> met = ConditionsMet.of(ladder, ticks, bigManufacturer);

        Refused refused = (Refused) StageMovePolicy.decide(ladder, "A08", "A06", met, false);

        assertThat(refused.missing()).extracting(m -> m.stage().code()).containsExactly("A07");
    }

    @Test
    void aDecisionMakerConditionTickedWithoutADecisionMakerDoesNotCount() {
        Map<String, Boolean> ticks = new HashMap<>(Map.of("neutral_knows_us", false, "neutral_considered", false,
                "neutral_answer", false, "neutral_by_decision_maker", false));

        Refused refused = (Refused) StageMovePolicy.decide(ladder, "A08", "A07",
                ConditionsMet.of(ladder, ticks, bigManufacturer), false);
        assertThat(refused.missing().get(0).conditions()).extracting(LadderCondition::key)
                .containsExactly("neutral_by_decision_maker");

        ticks.put("neutral_by_decision_maker", true);
        assertThat(StageMovePolicy.decide(ladder, "A08", "A07", ConditionsMet.of(ladder, ticks, bigManufacturer),
                false).allowed()).isTrue();
    }

    @Test
    void aOneOfStageIsMetByAnyOfItsConditions() {
        Map<String, Boolean> ticks = Map.of("neutral_knows_us", false, "neutral_considered", false,
                "neutral_answer", false, "neutral_by_decision_maker", true, "talking_to_suppliers", false);

        assertThat(StageMovePolicy.decide(ladder, "A08", "A06", ConditionsMet.of(ladder, ticks, bigManufacturer),
                false).allowed()).isTrue();
    }

    @Test
    void aRefusalNeedsItsConditionsAndAReason() {
        Map<String, Boolean> ticks = Map.of("refusal_by_decision_maker", true, "refusal_knows_us", false,
                "refusal_considered", false, "refusal_clear_no", false);
        Set<String> met = ConditionsMet.of(ladder, ticks, bigManufacturer);

        assertThat(((Refused) StageMovePolicy.decide(ladder, "A05", "A31", met, false)).refusal())
                .isEqualTo(Refusal.REASON_REQUIRED);
        assertThat(StageMovePolicy.decide(ladder, "A05", "A31", met, true)).isEqualTo(
                new Allowed(ladder.stage("A31").orElseThrow(), true));
        assertThat(((Refused) StageMovePolicy.decide(ladder, "A05", "A31", Set.of(), true)).refusal())
                .isEqualTo(Refusal.CONDITIONS_MISSING);
    }

    @Test
    void aDowngradeIsAllowedOnlyWithAReason() {
        assertThat(((Refused) StageMovePolicy.decide(ladder, "A05", "A07", Set.of(), false)).refusal())
                .isEqualTo(Refusal.REASON_REQUIRED);
        assertThat(StageMovePolicy.decide(ladder, "A05", "A07", Set.of(), true).allowed()).isTrue();
    }

    @Test
    void climbingOutOfARefusalStartsAtTheStageBeforeIt() {
        Map<String, Boolean> ticks = Map.of("neutral_knows_us", false, "neutral_considered", false,
                "neutral_answer", false, "neutral_by_decision_maker", true);

        assertThat(StageMovePolicy.decide(ladder, "A31", "A07", ConditionsMet.of(ladder, ticks, bigManufacturer),
                false).allowed()).isTrue();
    }

    @Test
    void anOrderWinsAProspectFromAnyStageBelowA02ButNotAfter() {
        assertThat(StageMovePolicy.orderArrived(ladder, "A21")).isEqualTo(
                new Allowed(ladder.stage("A02").orElseThrow(), false));
        assertThat(StageMovePolicy.orderArrived(ladder, "A31").allowed()).isTrue();
        assertThat(StageMovePolicy.orderArrived(ladder, "A01").allowed()).isFalse();
    }

    @Test
    void unknownAndSameStagesAreRefused() {
        assertThat(((Refused) StageMovePolicy.decide(ladder, "A05", "Z99", Set.of(), true)).refusal())
                .isEqualTo(Refusal.UNKNOWN_STAGE);
        assertThat(((Refused) StageMovePolicy.decide(ladder, "A05", "A05", Set.of(), true)).refusal())
                .isEqualTo(Refusal.SAME_STAGE);
    }

    @Test
    void aLadderWithTwoLeadsOrDuplicateKeysSaysSo() {
        var stages = new java.util.ArrayList<>(ladder.stages());
        stages.add(stages.get(0));
        ProspectLadder broken = new ProspectLadder(stages, ladder.projectFactors(), ladder.targetIndustries(),
                ladder.minAnnualSales(), ladder.cadenceDays());

        assertThat(broken.violations()).extracting(v -> v.code())
                .contains("duplicateStage", "leadFirst", "kindCount");
        assertThat(List.of(ladder.cadenceDays(com.keyaccount.crm.prospect.rules.CloseClass.B))).containsExactly(7);
    }
}
