package com.keyaccount.crm.care.web;

import com.keyaccount.crm.web.MoneyField;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** What the care pages post; separate records of the form fields only. */
final class CareForms {

    private CareForms() {
    }

    /** A task marked given: the gift, its cost (money as elsewhere: 1,200 / ¥1,200.00 / 1.2万) and the day. */
    @Getter
    @Setter
    public static class Done {
        @NotBlank
        @Size(max = 200)
        @PlainText
        private String gift;

        @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        @MoneyField
        private BigDecimal cost;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate doneOn;

        @Size(max = 500)
        @PlainText(multiLine = true)
        private String note;

        private long version;
    }

    /** A note: why a task is skipped, or why a gift is rejected. */
    @Getter
    @Setter
    public static class Note {
        @Size(max = 500)
        @PlainText(multiLine = true)
        private String note;

        private long version;
    }

    @Getter
    @Setter
    public static class Assign {
        private Long assigneeId;
        private long version;
    }

    /** A director's budget for one customer; empty to use its tier's. */
    @Getter
    @Setter
    public static class Budget {
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        @MoneyField
        private BigDecimal amount;
    }
}
