package com.keyaccount.crm.rules.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Numbers as the rule editor shows them (shares in percent, amounts without trailing zeros) and as the rules hold them. */
final class Percents {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percents() {
    }

    /** 0.800000 → 80 (not 8E+1, which is what stripping zeros alone would show). */
    static BigDecimal of(BigDecimal share) {
        return plain(share.multiply(HUNDRED));
    }

    /** Each share in percent, in a list the binder may grow. */
    static List<BigDecimal> of(List<BigDecimal> shares) {
        return new ArrayList<>(shares.stream().map(Percents::of).toList());
    }

    /** 80 → 0.800000. */
    static BigDecimal share(BigDecimal percent) {
        return percent.divide(HUNDRED, 6, RoundingMode.HALF_UP);
    }

    /** 100000.00 → 100000: an amount as typed. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
