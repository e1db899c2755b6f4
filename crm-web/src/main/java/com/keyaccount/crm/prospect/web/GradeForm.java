package com.keyaccount.crm.prospect.web;

import com.keyaccount.crm.prospect.Prospect;
import com.keyaccount.crm.prospect.application.GradeCommand;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.web.MoneyField;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.Optional;
import lombok.Getter;
import lombok.Setter;

/** The re-grade: how soon the prospect is expected to buy, and how much a month. */
@Getter
@Setter
public class GradeForm {

    private CloseClass closeClass;

    @DecimalMin("0")
    @Digits(integer = 16, fraction = 2)
    @MoneyField
    private BigDecimal expectedMonthlyValue;

    private Long version;

    static GradeForm of(Optional<Prospect> prospect) {
        GradeForm form = new GradeForm();
        prospect.ifPresent(p -> {
            form.closeClass = p.getCloseClass();
            form.expectedMonthlyValue = p.getExpectedMonthlyValue();
            form.version = p.getVersion();
        });
        return form;
    }

    GradeCommand toCommand() {
        return new GradeCommand(closeClass, expectedMonthlyValue, version);
    }
}
