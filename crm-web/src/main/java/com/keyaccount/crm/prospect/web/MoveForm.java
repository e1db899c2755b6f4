package com.keyaccount.crm.prospect.web;

import static com.keyaccount.crm.web.FormText.blankToNull;

import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.application.MoveCommand;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** Moves a prospect: where to, why (a downgrade must say), and for a refusal the reason it was given. */
@Getter
@Setter
public class MoveForm {

    @NotBlank
    @Size(max = 8)
    private String toStage;

    @Size(max = 500)
    @PlainText(multiLine = true)
    private String reason;

    private RefusalReason refusalReason;

    @Size(max = 500)
    @PlainText(multiLine = true)
    private String refusalNote;

    /** The prospect's version as the page showed it; none while it had no ladder row. */
    private Long version;

    static MoveForm at(Long version) {
        MoveForm form = new MoveForm();
        form.version = version;
        return form;
    }

    /** The refusal's reason and note count only for a move to the refusal stage. */
    MoveCommand toCommand(boolean toRefusal) {
        return new MoveCommand(toStage.strip(), version, blankToNull(reason), toRefusal ? refusalReason : null,
                toRefusal ? blankToNull(refusalNote) : null);
    }
}
