package com.keyaccount.crm.prospect.web.ladder;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.web.MoneyField;
import com.keyaccount.crm.web.ViolationFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lombok.Getter;
import lombok.Setter;
import org.springframework.validation.Errors;

/**
 * The prospect ladder as the admin edits it: the stages in order with their conditions, the four
 * project factors, A08's target industries and size, and each close-time class's cadence. The
 * form reads what was typed; what is wrong with the ladder the ladder says itself
 * ({@link ProspectLadder#violations()}), and {@link #reject} puts each beside its field.
 */
@Getter
@Setter
public class LadderForm {

    /** The version the admin edits: publishing over a newer one is a conflict. */
    private int basedOn;

    private List<@Valid StageForm> stages = new ArrayList<>();

    private List<@Valid ConditionForm> projectFactors = new ArrayList<>();

    private List<Industry> targetIndustries = new ArrayList<>();

    @Digits(integer = 16, fraction = 2)
    @MoneyField
    private BigDecimal minAnnualSales;

    private Map<CloseClass, Integer> cadenceDays = new EnumMap<>(CloseClass.class);

    static LadderForm of(int version, ProspectLadder ladder) {
        LadderForm form = new LadderForm();
        form.basedOn = version;
        ladder.stages().forEach(s -> form.stages.add(StageForm.of(s)));
        ladder.projectFactors().forEach(c -> form.projectFactors.add(ConditionForm.of(c)));
        form.targetIndustries = Arrays.stream(Industry.values()).filter(ladder.targetIndustries()::contains).toList();
        form.minAnnualSales = plain(ladder.minAnnualSales());
        Arrays.stream(CloseClass.values()).forEach(c -> form.cadenceDays.put(c, ladder.cadenceDays(c)));
        return form;
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The ladder typed; a close class left blank is refused by {@link #reject}, not defaulted. */
    ProspectLadder toLadder() {
        Map<CloseClass, Integer> days = new EnumMap<>(CloseClass.class);
        cadenceDays.forEach((c, d) -> {
            if (c != null && d != null) {
                days.put(c, d);
            }
        });
        Set<Industry> industries = EnumSet.noneOf(Industry.class);
        if (targetIndustries != null) {
            targetIndustries.stream().filter(Objects::nonNull).forEach(industries::add);
        }
        return new ProspectLadder(stages.stream().map(StageForm::toStage).toList(),
                projectFactors.stream().map(ConditionForm::toCondition).toList(), industries, minAnnualSales, days);
    }

    /**
     * Says beside each field what is wrong: a blank cadence, then the ladder's violations (a
     * field that already says why it cannot be read gets no second message). Bean validation has run.
     */
    void reject(Errors errors, List<Violation> violations) {
        for (CloseClass c : CloseClass.values()) {
            String field = "cadenceDays[" + c + "]";
            if (cadenceDays.get(c) == null && !errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "ladderEditor.violation.required");
            }
        }
        List<Violation> unsaid = violations.stream().filter(v -> {
            String field = field(v);
            return field == null || !errors.hasFieldErrors(field);
        }).toList();
        ViolationFields.reject(errors, unsaid, this::field, LadderForm::message);
    }

    /** Where a violation goes on the form; null above it. */
    String field(Violation v) {
        String path = v.path();
        if (path.equals("stages")) {
            return inUseRow(v);
        }
        if (path.endsWith(".key")) {
            // keys are never shown: a broken or repeated key is said beside the condition's text
            return path.substring(0, path.length() - ".key".length()) + ".textZh";
        }
        if (path.startsWith("cadenceDays.")) {
            return "cadenceDays[" + path.substring("cadenceDays.".length()) + "]";
        }
        return path;
    }

    /** A stage in use is said on the stage that had its code (under its heading), when there is one. */
    private String inUseRow(Violation v) {
        if (!v.code().equals("stageInUse")) {
            return null;
        }
        Object code = v.args().get(0);
        for (int i = 0; i < stages.size(); i++) {
            if (code.equals(stages.get(i).getOriginalCode())) {
                return "stages[" + i + "]";
            }
        }
        return null;
    }

    /** "One stage of each kind" names the kind in its message, never by its code. */
    static String message(Violation v) {
        if (v.code().equals("kindCount")) {
            return "ladderEditor.violation.kindCount." + v.args().get(0);
        }
        return ViolationFields.message(v, "ladderEditor.violation.");
    }
}
