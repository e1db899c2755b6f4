package com.keyaccount.crm.prospect.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One level of the prospect ladder (e.g. A05 意向级) and the conditions that define it.
 * A stage without conditions (the lead) is reached by being recorded.
 */
public record StageDefinition(String code, String nameZh, String nameEn, StageKind kind, Requirement requirement,
        List<LadderCondition> conditions) {

    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,7}");

    public StageDefinition {
        requirement = Objects.requireNonNullElse(requirement, Requirement.ALL_OF);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** Whether the conditions whose keys are {@code met} are enough for this stage. */
    public boolean satisfiedBy(java.util.Set<String> met) {
        if (conditions.isEmpty()) {
            return true;
        }
        return requirement == Requirement.ALL_OF
                ? conditions.stream().allMatch(c -> met.contains(c.key()))
                : conditions.stream().anyMatch(c -> met.contains(c.key()));
    }

    /** The conditions not in {@code met}; for a one-of stage, all of them when none is met. */
    public List<LadderCondition> missing(java.util.Set<String> met) {
        if (satisfiedBy(met)) {
            return List.of();
        }
        return conditions.stream().filter(c -> !met.contains(c.key())).toList();
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            found.add(Violation.of("code", "stageCode"));
        }
        LadderCondition.text(found, "nameZh", nameZh);
        LadderCondition.text(found, "nameEn", nameEn);
        if (kind == null) {
            found.add(Violation.of("kind", "required"));
        }
        for (int i = 0; i < conditions.size(); i++) {
            int at = i;
            conditions.get(i).violations().forEach(v -> found.add(v.under("[" + at + "]").under("conditions")));
        }
        return found;
    }
}
