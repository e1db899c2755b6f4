package com.keyaccount.crm.complaint.web;

import com.keyaccount.crm.complaint.ComplaintCategory;
import com.keyaccount.crm.complaint.ComplaintChannel;
import com.keyaccount.crm.complaint.application.NewComplaint;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import lombok.Getter;
import lombok.Setter;

/** The "record a complaint" form. No deadline fields: deadlines are computed, never typed. */
@Getter
@Setter
public class ComplaintForm {

    @NotNull
    private ComplaintChannel channel;

    @NotNull
    private ComplaintCategory category;

    @NotNull
    private Severity severity;

    @NotBlank
    @Size(max = 2000)
    @PlainText(multiLine = true)
    private String description;

    /** The customer's contact who raised it; none: not known or not one of ours. */
    private Long contactId;

    /** Identifies this rendering of the form, so a resubmit records one complaint. */
    @NotBlank
    @Pattern(regexp = "^[0-9a-f\\-]{36}$")
    private String submissionToken;

    static ComplaintForm blank() {
        ComplaintForm form = new ComplaintForm();
        form.channel = ComplaintChannel.PHONE;
        form.severity = Severity.MINOR;
        form.submissionToken = UUID.randomUUID().toString();
        return form;
    }

    NewComplaint toCommand() {
        return new NewComplaint(channel, category, severity, description.strip(), contactId, submissionToken);
    }
}
