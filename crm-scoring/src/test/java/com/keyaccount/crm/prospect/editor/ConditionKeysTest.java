package com.keyaccount.crm.prospect.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.prospect.rules.Evidence;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** New conditions get keys the ladder accepts and nobody else has; existing keys stay. */
class ConditionKeysTest {

    @Test
    void a_condition_without_a_key_gets_one_and_the_others_keep_theirs() {
        ProspectLadder seed = SeedLadder.ladder();
        ProspectLadder typed = withNewConditionOn(seed, "A04", null, " ");

        ProspectLadder keyed = ConditionKeys.assign(typed, seed);

        List<LadderCondition> a04 = keyed.stage("A04").orElseThrow().conditions();
        assertThat(a04.subList(0, 2)).isEqualTo(seed.stage("A04").orElseThrow().conditions());
        assertThat(a04.subList(2, 4)).allSatisfy(c -> assertThat(c.key()).matches(LadderCondition.KEY).startsWith("c_"));
        assertThat(a04.get(2).key()).isNotEqualTo(a04.get(3).key());
        assertThat(keyed.violations()).isEmpty();
        assertThat(keyed.allConditions()).hasSize(seed.allConditions().size() + 2);
    }

    /** A generator that repeats itself (or hits a key in force) draws again rather than share a key. */
    @Test
    void a_key_already_taken_is_never_given_again() {
        ProspectLadder seed = SeedLadder.ladder();
        ProspectLadder inForce = withKeyedConditionOn(seed, "A03", "c_00000007");
        ProspectLadder typed = withNewConditionOn(inForce, "A04", null, null);
        int[] draws = {7, 7, 8, 8, 9};
        RandomGenerator repeating = new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                return draws[next++];
            }

            @Override
            public int nextInt() {
                return (int) nextLong();
            }
        };

        ProspectLadder keyed = ConditionKeys.assign(typed, inForce, repeating);

        List<LadderCondition> a04 = keyed.stage("A04").orElseThrow().conditions();
        assertThat(a04.subList(2, 4)).extracting(LadderCondition::key).containsExactly("c_00000008", "c_00000009");
    }

    private static ProspectLadder withNewConditionOn(ProspectLadder ladder, String code, String... keys) {
        return withConditions(ladder, code, keys);
    }

    private static ProspectLadder withKeyedConditionOn(ProspectLadder ladder, String code, String key) {
        return withConditions(ladder, code, key);
    }

    private static ProspectLadder withConditions(ProspectLadder ladder, String code, String... keys) {
        List<StageDefinition> stages = ladder.stages().stream().map(s -> {
            if (!s.code().equals(code)) {
                return s;
            }
            List<LadderCondition> conditions = new ArrayList<>(s.conditions());
            for (String key : keys) {
                conditions.add(new LadderCondition(key, "新条件", "A new condition", Evidence.TICK));
            }
            return new StageDefinition(s.code(), s.nameZh(), s.nameEn(), s.kind(), s.requirement(), conditions);
        }).toList();
        return new ProspectLadder(stages, ladder.projectFactors(), ladder.targetIndustries(), ladder.minAnnualSales(),
                ladder.cadenceDays());
    }
}
