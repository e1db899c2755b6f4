package com.keyaccount.crm.complaint.web;

import com.keyaccount.crm.complaint.rules.ServicePolicy;
import com.keyaccount.crm.complaint.rules.SpanUnit;
import com.keyaccount.crm.complaint.rules.TierDeadlines;
import com.keyaccount.crm.complaint.rules.WorkingSpan;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * The service-policy editor's form: its fields are named like the policy's parts
 * ({@code tierA.answer.amount}), so a violation the policy finds lands beside its field.
 */
@Getter
@Setter
public class ServicePolicyForm {

    @Valid
    private TierFields tierA = new TierFields();
    @Valid
    private TierFields tierB = new TierFields();
    @Valid
    private TierFields tierC = new TierFields();
    @NotNull
    private Integer minorPercent;
    @NotNull
    private Integer majorPercent;
    @NotNull
    private Integer criticalPercent;
    @NotNull
    private Integer dayStartHour;
    @NotNull
    private Integer dayEndHour;
    @Size(max = 500)
    @PlainText
    private String note;
    /** The draft version the form was filled in from. */
    private Long seenVersion;

    @Getter
    @Setter
    public static class TierFields {
        @Valid
        private SpanFields answer = new SpanFields();
        @Valid
        private SpanFields resolve = new SpanFields();
    }

    @Getter
    @Setter
    public static class SpanFields {
        @NotNull
        private Integer amount;
        @NotNull
        private SpanUnit unit;
    }

    static ServicePolicyForm of(ServicePolicy p, String note, long draftVersion) {
        ServicePolicyForm form = new ServicePolicyForm();
        form.tierA = tier(p.tierA());
        form.tierB = tier(p.tierB());
        form.tierC = tier(p.tierC());
        form.minorPercent = p.minorPercent();
        form.majorPercent = p.majorPercent();
        form.criticalPercent = p.criticalPercent();
        form.dayStartHour = p.dayStartHour();
        form.dayEndHour = p.dayEndHour();
        form.note = note;
        form.seenVersion = draftVersion;
        return form;
    }

    ServicePolicy policy() {
        return new ServicePolicy(deadlines(tierA), deadlines(tierB), deadlines(tierC), minorPercent, majorPercent,
                criticalPercent, dayStartHour, dayEndHour);
    }

    private static TierFields tier(TierDeadlines d) {
        TierFields t = new TierFields();
        t.answer = span(d.answer());
        t.resolve = span(d.resolve());
        return t;
    }

    private static SpanFields span(WorkingSpan s) {
        SpanFields f = new SpanFields();
        f.amount = s.amount();
        f.unit = s.unit();
        return f;
    }

    private static TierDeadlines deadlines(TierFields t) {
        return new TierDeadlines(new WorkingSpan(t.answer.amount, t.answer.unit),
                new WorkingSpan(t.resolve.amount, t.resolve.unit));
    }
}
