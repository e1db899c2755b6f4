package com.keyaccount.crm.prospect.web.ladder;

import com.keyaccount.crm.prospect.rules.ProspectLadder;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.validation.Errors;

/**
 * What a button of the ladder form asks for: publish, check, or a change to its rows (add, remove
 * or move a stage, add or remove a condition or project factor), made on the server so that the
 * form needs no script and keeps everything typed. A button names its row by index, e.g.
 * {@code conditionRemove:3:1}; a malformed or out-of-range one only checks the form.
 */
record LadderEdit(String verb, int stage, int row) {

    static final String PUBLISH = "publish";
    static final String CHECK = "check";
    private static final LadderEdit CHECKING = new LadderEdit(CHECK, -1, -1);

    static LadderEdit parse(String action) {
        if (action == null || action.length() > 40) {
            return CHECKING;
        }
        String[] parts = action.split(":", -1);
        try {
            int stage = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
            int row = parts.length > 2 ? Integer.parseInt(parts[2]) : -1;
            return new LadderEdit(parts[0], stage, row);
        } catch (NumberFormatException e) {
            return CHECKING;
        }
    }

    boolean publishes() {
        return verb.equals(PUBLISH);
    }

    /** Whether the button changes rows (then the form is shown again without being checked). */
    boolean changesRows() {
        return !verb.equals(PUBLISH) && !verb.equals(CHECK);
    }

    /**
     * Changes the form's rows. A stage that prospects stand on stays, with why beside it.
     *
     * @param prospectsOn how many prospects stand on a stage of the ladder in force, by code
     */
    void apply(LadderForm form, Errors errors, ToLongFunction<String> prospectsOn) {
        List<StageForm> stages = form.getStages();
        switch (verb) {
            case "stageAdd" -> {
                if (stages.size() >= ProspectLadder.MOST_STAGES) {
                    errors.reject("ladderEditor.violation.stageCount", new Object[] {2, ProspectLadder.MOST_STAGES}, null);
                } else {
                    stages.add(Math.max(0, Math.min(stage + 1, stages.size())), new StageForm());
                }
            }
            case "stageRemove" -> {
                if (has(stages, stage)) {
                    removeStage(form, errors, prospectsOn);
                }
            }
            case "stageUp" -> {
                if (has(stages, stage) && stage > 0) {
                    Collections.swap(stages, stage, stage - 1);
                }
            }
            case "stageDown" -> {
                if (has(stages, stage) && stage < stages.size() - 1) {
                    Collections.swap(stages, stage, stage + 1);
                }
            }
            case "conditionAdd" -> {
                if (has(stages, stage)) {
                    addCondition(stages.get(stage).getConditions(), errors, "stages[" + stage + "].conditions");
                }
            }
            case "conditionRemove" -> {
                if (has(stages, stage) && has(stages.get(stage).getConditions(), row)) {
                    stages.get(stage).getConditions().remove(row);
                }
            }
            case "factorAdd" -> addCondition(form.getProjectFactors(), errors, "projectFactors");
            case "factorRemove" -> {
                if (has(form.getProjectFactors(), stage)) {
                    form.getProjectFactors().remove(stage);
                }
            }
            default -> {
                // not a change: the form is shown again as it was
            }
        }
    }

    private void removeStage(LadderForm form, Errors errors, ToLongFunction<String> prospectsOn) {
        StageForm removed = form.getStages().get(stage);
        String code = removed.getOriginalCode();
        long on = code == null || code.isBlank() ? 0 : prospectsOn.applyAsLong(code);
        if (on > 0) {
            errors.rejectValue("stages[" + stage + "]", "ladderEditor.violation.stageInUse",
                    new Object[] {code, removed.getNameZh(), removed.getNameEn(), on}, null);
        } else {
            form.getStages().remove(stage);
        }
    }

    private static void addCondition(List<ConditionForm> conditions, Errors errors, String field) {
        if (conditions.size() >= ProspectLadder.MOST_CONDITIONS) {
            errors.rejectValue(field, "ladderEditor.violation.conditionCount",
                    new Object[] {ProspectLadder.MOST_CONDITIONS}, null);
        } else {
            conditions.add(new ConditionForm());
        }
    }

    private static boolean has(List<?> rows, int index) {
        return index >= 0 && index < rows.size();
    }
}
