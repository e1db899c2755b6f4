package com.keyaccount.crm.prospect.editor;

import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Gives each new condition its key. Ticks are stored by key, so an edited condition keeps its key
 * and a new one gets a key no version in force or typed uses: {@code c_} and eight random hex
 * digits. A key that belonged to a removed condition would bring back its old ticks for a
 * different condition; with 4 billion keys and a check against the ladder in force that is not
 * a practical risk. Admins never type or see keys.
 */
final class ConditionKeys {

    private final RandomGenerator random;
    private final Set<String> taken = new HashSet<>();

    private ConditionKeys(RandomGenerator random, ProspectLadder... ladders) {
        this.random = random;
        for (ProspectLadder ladder : ladders) {
            ladder.allConditions().forEach(c -> {
                if (!blank(c.key())) {
                    taken.add(c.key());
                }
            });
        }
    }

    /** {@code typed} with a fresh key for every condition without one; the others unchanged. */
    static ProspectLadder assign(ProspectLadder typed, ProspectLadder inForce) {
        return assign(typed, inForce, new SecureRandom());
    }

    static ProspectLadder assign(ProspectLadder typed, ProspectLadder inForce, RandomGenerator random) {
        ConditionKeys keys = new ConditionKeys(random, typed, inForce);
        List<StageDefinition> stages = typed.stages().stream()
                .map(s -> new StageDefinition(s.code(), s.nameZh(), s.nameEn(), s.kind(), s.requirement(),
                        keys.keyed(s.conditions())))
                .toList();
        return new ProspectLadder(stages, keys.keyed(typed.projectFactors()), typed.targetIndustries(),
                typed.minAnnualSales(), typed.cadenceDays());
    }

    private List<LadderCondition> keyed(List<LadderCondition> conditions) {
        return conditions.stream()
                .map(c -> blank(c.key()) ? new LadderCondition(fresh(), c.textZh(), c.textEn(), c.evidence()) : c)
                .toList();
    }

    private String fresh() {
        String key;
        do {
            key = "c_%08x".formatted(random.nextInt());
        } while (!taken.add(key));
        return key;
    }

    private static boolean blank(String key) {
        return key == null || key.isBlank();
    }
}
