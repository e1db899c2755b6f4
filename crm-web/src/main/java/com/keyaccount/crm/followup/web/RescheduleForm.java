package com.keyaccount.crm.followup.web;

import static com.keyaccount.crm.web.FormText.blankToNull;

import com.keyaccount.crm.followup.application.FollowUpReschedules;
import com.keyaccount.crm.followup.application.FollowUpReschedules.RescheduleCommand;
import com.keyaccount.crm.followup.application.RescheduleReason;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** Move a follow-up: the day, a reason from the list and a note (required for "other"). */
@Getter
@Setter
public class RescheduleForm {

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueOn;

    @NotNull
    private RescheduleReason reason;

    @Size(max = FollowUpReschedules.NOTE_LENGTH)
    @PlainText
    private String note;

    RescheduleCommand toCommand() {
        return new RescheduleCommand(dueOn, reason, blankToNull(note));
    }
}
