package com.keyaccount.crm.rules.web;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import lombok.Getter;
import lombok.Setter;

/** One point band of a criterion; a row with both fields blank is unused. */
@Getter
@Setter
public class BandForm {

    @Digits(integer = 14, fraction = 2)
    private BigDecimal threshold;

    private Integer points;

    boolean isBlank() {
        return threshold == null && points == null;
    }

    static BandForm of(BigDecimal threshold, Integer points) {
        BandForm form = new BandForm();
        form.threshold = threshold;
        form.points = points;
        return form;
    }
}
