package com.keyaccount.crm.tier.web;

import com.keyaccount.crm.tier.TierMethod;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import lombok.Getter;
import lombok.Setter;

/** An admin's new rule set: the active method, the window and the Pareto cutoffs in percent. */
@Getter
@Setter
public class PolicyForm {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @NotNull
    private TierMethod method;

    @NotNull
    @Min(1)
    @Max(60)
    private Integer windowMonths;

    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(value = "100", inclusive = false)
    @Digits(integer = 3, fraction = 4)
    private BigDecimal cutoffAPercent;

    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("100")
    @Digits(integer = 3, fraction = 4)
    private BigDecimal cutoffBPercent;

    @Size(max = 500)
    private String note;

    static PolicyForm of(TierPolicy policy) {
        PolicyForm form = new PolicyForm();
        form.method = policy.getMethod();
        form.windowMonths = policy.getWindowMonths();
        form.cutoffAPercent = percent(policy.getParetoCutoffA());
        form.cutoffBPercent = percent(policy.getParetoCutoffB());
        return form;
    }

    /** 0.800000 → 80 (not 8E+1, which is what stripping zeros alone would show). */
    private static BigDecimal percent(BigDecimal share) {
        BigDecimal percent = share.multiply(HUNDRED).stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }

    boolean cutoffsOutOfOrder() {
        return cutoffAPercent != null && cutoffBPercent != null && cutoffAPercent.compareTo(cutoffBPercent) >= 0;
    }

    ParetoCutoffs cutoffs() {
        return new ParetoCutoffs(cutoffAPercent.divide(HUNDRED, 6, RoundingMode.HALF_UP),
                cutoffBPercent.divide(HUNDRED, 6, RoundingMode.HALF_UP));
    }
}
