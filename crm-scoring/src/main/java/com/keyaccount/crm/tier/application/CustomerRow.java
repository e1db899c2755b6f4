package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.pin.PinRule;
import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One customer as a recompute reads it: the window's figures and what is stored now. */
record CustomerRow(CustomerFigures figures, Tier storedComputed, Tier storedEffective, Tier pinned,
        LocalDate pinnedUntil, boolean designated, Integer storedVersion, BigDecimal storedRevenue, BigDecimal storedMargin,
        Long storedOrders, BigDecimal storedDaysToPay, Integer storedScore, String storedScoreParts) {

    Tier effective(Tier computed, LocalDate today) {
        return PinRule.effective(computed, pinned, pinnedUntil, designated, today);
    }
}
