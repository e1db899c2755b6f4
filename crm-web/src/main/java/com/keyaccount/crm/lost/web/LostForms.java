package com.keyaccount.crm.lost.web;

import com.keyaccount.crm.lost.application.CustomerLoss.ComeBack;
import com.keyaccount.crm.lost.application.LossReason;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** What the lost-customer pages post. */
final class LostForms {

    private LostForms() {
    }

    @Getter
    @Setter
    public static class MarkLost {
        @NotNull
        private LossReason reason;

        @Size(max = 200)
        @PlainText
        private String competitor;

        @Size(max = 500)
        @PlainText(multiLine = true)
        private String note;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate interviewOn;
    }

    @Getter
    @Setter
    public static class Interview {
        @NotNull
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate on;

        @Size(max = 200)
        @PlainText
        private String competitor;

        @Size(max = 1000)
        @PlainText(multiLine = true)
        private String why;

        @NotNull
        private ComeBack comeBack;

        @Size(max = 2000)
        @PlainText(multiLine = true)
        private String notes;

        private long version;
    }
}
