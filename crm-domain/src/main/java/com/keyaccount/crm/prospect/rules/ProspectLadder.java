package com.keyaccount.crm.prospect.rules;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stages a prospect climbs on its way to an order (seed 003, 标准销售过程分解), as an admin
 * edits them: the stages in ladder order, the four project factors (立项四要素) that make a
 * prospect a project, what A08's "target industry" and "size" mean, and the follow-up cadence of
 * each close-time class. A refusal stage is a side branch: it sits at the level of the stage
 * listed before it, and climbing out of it starts from there.
 *
 * @param minAnnualSales the size a prospect's annual sales must reach (A08 规模要求), in yuan
 * @param cadenceDays    every close-time class's "follow up at least every N days"
 */
public record ProspectLadder(List<StageDefinition> stages, List<LadderCondition> projectFactors,
        Set<Industry> targetIndustries, BigDecimal minAnnualSales, Map<CloseClass, Integer> cadenceDays) {

    public static final int MOST_STAGES = 20;
    public static final int MOST_CONDITIONS = 12;

    public ProspectLadder {
        stages = stages == null ? List.of() : List.copyOf(stages);
        projectFactors = projectFactors == null ? List.of() : List.copyOf(projectFactors);
        targetIndustries = targetIndustries == null ? Set.of() : Set.copyOf(targetIndustries);
        Map<CloseClass, Integer> days = new EnumMap<>(CloseClass.class);
        for (CloseClass c : CloseClass.values()) {
            Integer typed = cadenceDays == null ? null : cadenceDays.get(c);
            days.put(c, typed == null ? c.defaultCadenceDays() : typed);
        }
        cadenceDays = Map.copyOf(days);
    }

    public Optional<StageDefinition> stage(String code) {
        return stages.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public StageDefinition lead() {
        return stages.get(0);
    }

    public Optional<StageDefinition> ofKind(StageKind kind) {
        return stages.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /**
     * A stage's height: its place among the stages that are not refusals; a refusal is as high as
     * the stage listed before it. Unknown codes (a stage a newer ladder dropped) are -1.
     */
    public int level(String code) {
        int level = -1;
        for (StageDefinition s : stages) {
            if (s.kind() != StageKind.REFUSAL) {
                level++;
            }
            if (s.code().equals(code)) {
                return Math.max(level, 0);
            }
        }
        return -1;
    }

    /** The stages above {@code fromLevel} up to and including {@code to}, lowest first (refusals never). */
    public List<StageDefinition> climb(int fromLevel, StageDefinition to) {
        int toLevel = level(to.code());
        List<StageDefinition> between = new ArrayList<>();
        for (StageDefinition s : stages) {
            int l = level(s.code());
            if (s.kind() != StageKind.REFUSAL && l > fromLevel && l <= toLevel) {
                between.add(s);
            }
        }
        return between;
    }

    /** Every condition by its key: the stages' and the project factors. */
    public Optional<LadderCondition> condition(String key) {
        return allConditions().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public List<LadderCondition> allConditions() {
        List<LadderCondition> all = new ArrayList<>();
        stages.forEach(s -> all.addAll(s.conditions()));
        all.addAll(projectFactors);
        return all;
    }

    public int cadenceDays(CloseClass closeClass) {
        return cadenceDays.get(closeClass);
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (stages.size() < 2 || stages.size() > MOST_STAGES) {
            found.add(Violation.of("stages", "stageCount", 2, MOST_STAGES));
        }
        Set<String> codes = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            StageDefinition s = stages.get(i);
            String at = "stages[" + i + "]";
            int index = i;
            s.violations().forEach(v -> found.add(v.under("[" + index + "]").under("stages")));
            if (s.code() != null && !codes.add(s.code())) {
                found.add(Violation.of(at + ".code", "duplicateStage", s.code()));
            }
            if (s.conditions().size() > MOST_CONDITIONS) {
                found.add(Violation.of(at + ".conditions", "conditionCount", MOST_CONDITIONS));
            }
            if (s.kind() == StageKind.LEAD && i != 0 || i == 0 && s.kind() != StageKind.LEAD) {
                found.add(Violation.of(at + ".kind", "leadFirst"));
            }
            duplicateKeys(found, at + ".conditions", s.conditions(), keys);
        }
        duplicateKeys(found, "projectFactors", projectFactors, keys);
        for (int i = 0; i < projectFactors.size(); i++) {
            int at = i;
            projectFactors.get(i).violations().forEach(v -> found.add(v.under("[" + at + "]").under("projectFactors")));
        }
        count(found, StageKind.LEAD, 1, 1);
        count(found, StageKind.WON, 1, 1);
        count(found, StageKind.REFUSAL, 0, 1);
        count(found, StageKind.CLOSED, 0, 1);
        if (targetIndustries.isEmpty()) {
            found.add(Violation.of("targetIndustries", "required"));
        }
        if (minAnnualSales == null) {
            found.add(Violation.of("minAnnualSales", "required"));
        } else {
            Violation.atLeast(found, "minAnnualSales", minAnnualSales, BigDecimal.ZERO);
        }
        cadenceDays.forEach((c, d) -> Violation.range(found, "cadenceDays." + c, d, 1, 3650));
        return found;
    }

    private void count(List<Violation> found, StageKind kind, int least, int most) {
        long n = stages.stream().filter(s -> s.kind() == kind).count();
        if (n < least || n > most) {
            found.add(Violation.of("stages", "kindCount", kind.name(), least, most));
        }
    }

    private static void duplicateKeys(List<Violation> found, String path, List<LadderCondition> conditions,
            Set<String> keys) {
        for (int i = 0; i < conditions.size(); i++) {
            String key = conditions.get(i).key();
            if (key != null && !keys.add(key)) {
                found.add(Violation.of(path + "[" + i + "].key", "duplicateCondition", key));
            }
        }
    }
}
