package com.keyaccount.crm.prospect.web;

import static com.keyaccount.crm.web.FormText.blankToNull;

import com.keyaccount.crm.prospect.application.TickCommand;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** Confirms one condition: on which day, a note, and (decision-maker conditions) the contact. */
@Getter
@Setter
public class TickForm {

    /** The condition, from the checklist row the form sits in. */
    private String conditionKey;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate confirmedOn;

    @Size(max = 500)
    @PlainText(multiLine = true)
    private String note;

    private Long contactId;

    static TickForm on(LocalDate today) {
        TickForm form = new TickForm();
        form.confirmedOn = today;
        return form;
    }

    TickCommand toCommand() {
        return new TickCommand(conditionKey, confirmedOn, blankToNull(note), contactId);
    }
}
