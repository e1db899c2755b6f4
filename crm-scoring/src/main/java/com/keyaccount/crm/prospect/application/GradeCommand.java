package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.prospect.rules.CloseClass;
import java.math.BigDecimal;

/** The re-grade after a follow-up: close-time class and expected monthly value (either may be unknown). */
public record GradeCommand(CloseClass closeClass, BigDecimal expectedMonthlyValue, Long expectedVersion) {
}
