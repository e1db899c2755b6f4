package com.keyaccount.crm.prospect.web.ladder;

import com.keyaccount.crm.prospect.rules.Evidence;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.web.FormText;
import com.keyaccount.crm.web.PlainText;
import lombok.Getter;
import lombok.Setter;

/**
 * One condition as edited. The key travels in a hidden field so that an edited text keeps it
 * (ticks are stored by key); a new condition has none until it is published.
 */
@Getter
@Setter
public class ConditionForm {

    @PlainText
    private String key;

    @PlainText
    private String textZh;

    @PlainText
    private String textEn;

    private Evidence evidence = Evidence.TICK;

    static ConditionForm of(LadderCondition condition) {
        ConditionForm form = new ConditionForm();
        form.key = condition.key();
        form.textZh = condition.textZh();
        form.textEn = condition.textEn();
        form.evidence = condition.evidence();
        return form;
    }

    LadderCondition toCondition() {
        return new LadderCondition(FormText.blankToNull(key), FormText.blankToNull(textZh),
                FormText.blankToNull(textEn), evidence);
    }
}
