package com.keyaccount.crm.contactlog.web;

import static com.keyaccount.crm.web.FormText.blankToNull;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.contactlog.LogContactCommand;
import com.keyaccount.crm.prospect.application.GradeCommand;
import com.keyaccount.crm.prospect.application.ProspectContactLogs.CurrentGrade;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.web.MoneyField;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

@Getter
@Setter
public class ContactLogForm {

    @NotNull
    private Channel channel;

    /** Wall-clock time in the business time zone, as a datetime-local input sends it. */
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime occurredAt;

    @NotBlank
    @Size(max = 2000)
    @PlainText(multiLine = true)
    private String summary;

    @Size(max = 1000)
    @PlainText(multiLine = true)
    private String outcome;

    @Size(max = 1000)
    @PlainText(multiLine = true)
    private String nextStep;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate agreedNextOn;

    /**
     * Set on the full form of a prospect, whose re-grade it shows: only then do the grade fields
     * count (the quick log on My day leaves the grade as it is).
     */
    private boolean gradeShown;

    /** The prospect's close-time class after this contact; null: not graded. */
    private CloseClass closeClass;

    @DecimalMin("0")
    @Digits(integer = 16, fraction = 2)
    @MoneyField
    private BigDecimal expectedMonthlyValue;

    /** The prospect's version the grade was shown at (null while it had none), so a re-grade meanwhile is seen. */
    private Long prospectVersion;

    /** The colleagues who came along (协访), by user id; each is checked against the account's team. */
    @Size(max = 50)
    private List<Long> participants = new ArrayList<>();

    /** Identifies this rendering of the form, so a resubmit is recognised. */
    @NotBlank
    @Pattern(regexp = "^[0-9a-f\\-]{36}$")
    private String submissionToken;

    static ContactLogForm blank(LocalDateTime now) {
        ContactLogForm form = new ContactLogForm();
        form.channel = Channel.VISIT;
        form.occurredAt = now.truncatedTo(ChronoUnit.MINUTES);
        form.submissionToken = UUID.randomUUID().toString();
        return form;
    }

    /** Shows the prospect's grade as saved, unless the form already carries what the user chose. */
    void showGrade(CurrentGrade grade) {
        if (!gradeShown) {
            gradeShown = true;
            closeClass = grade.closeClass();
            expectedMonthlyValue = grade.expectedMonthlyValue();
            prospectVersion = grade.version();
        }
    }

    GradeCommand toGrade() {
        return gradeShown ? new GradeCommand(closeClass, expectedMonthlyValue, prospectVersion) : null;
    }

    LogContactCommand toCommand(ZoneId zone) {
        return new LogContactCommand(channel, occurredAt.atZone(zone).toInstant(), summary.strip(),
                blankToNull(outcome), blankToNull(nextStep), agreedNextOn, submissionToken,
                participants == null ? List.of() : participants.stream().filter(Objects::nonNull).toList());
    }
}
