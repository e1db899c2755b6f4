package com.keyaccount.crm.prospect.web.ladder;

import com.keyaccount.crm.prospect.rules.Requirement;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.web.FormText;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.Getter;
import lombok.Setter;

/**
 * One stage as edited. {@code originalCode} (hidden) is its code in the ladder the form was
 * filled from, so that "prospects stand on A05" is said on the stage that was A05 even when
 * its code was changed; a new stage has none.
 */
@Getter
@Setter
public class StageForm {

    @PlainText
    private String code;

    @PlainText
    private String originalCode;

    @PlainText
    private String nameZh;

    @PlainText
    private String nameEn;

    private StageKind kind = StageKind.STEP;

    private Requirement requirement = Requirement.ALL_OF;

    private List<@Valid ConditionForm> conditions = new ArrayList<>();

    static StageForm of(StageDefinition stage) {
        StageForm form = new StageForm();
        form.code = stage.code();
        form.originalCode = stage.code();
        form.nameZh = stage.nameZh();
        form.nameEn = stage.nameEn();
        form.kind = stage.kind();
        form.requirement = stage.requirement();
        stage.conditions().forEach(c -> form.conditions.add(ConditionForm.of(c)));
        return form;
    }

    /** Codes read in capitals (a05 is A05), as the ladder writes them. */
    StageDefinition toStage() {
        String typed = FormText.blankToNull(code);
        return new StageDefinition(typed == null ? null : typed.toUpperCase(Locale.ROOT), FormText.blankToNull(nameZh),
                FormText.blankToNull(nameEn), kind, requirement,
                conditions.stream().map(ConditionForm::toCondition).toList());
    }
}
