package com.keyaccount.crm.rules.web;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.tier.TierMethod;
import com.keyaccount.crm.tier.TierPolicyDraft;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scorecard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * A draft rule change as the admin edits it: every method's parameters (shares in percent),
 * the churn thresholds, an optional effective date and a note. Blank rows are unused rows.
 */
@Getter
@Setter
public class RuleForm {

    static final int CRITERIA = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The draft's version when the form was opened: saving over someone else's change is refused. */
    private long draftVersion;

    @NotNull
    private TierMethod method;

    @NotNull
    @Min(1)
    @Max(RuleSet.LONGEST_WINDOW_MONTHS)
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

    @Valid
    private List<CriterionForm> criteria = new ArrayList<>();

    @NotNull
    @Min(0)
    @Max(10000)
    private Integer minimumForA;

    @NotNull
    @Min(0)
    @Max(10000)
    private Integer minimumForB;

    @NotNull
    @Min(0)
    @Max(1_000_000)
    private Long hardOrdersA;

    @NotNull
    @DecimalMin("0")
    @Digits(integer = 16, fraction = 2)
    private BigDecimal hardRevenueA;

    @NotNull
    @Min(0)
    @Max(1_000_000)
    private Long hardOrdersB;

    @NotNull
    @DecimalMin("0")
    @Digits(integer = 16, fraction = 2)
    private BigDecimal hardRevenueB;

    @NotNull
    @Min(1)
    @Max(100)
    private Integer revenueDropPercent;

    @NotNull
    @Min(1)
    @Max(365)
    private Integer daysToPayIncrease;

    @NotNull
    @Min(1)
    @Max(20)
    private Integer silenceFactor;

    @NotNull
    @Min(1)
    @Max(730)
    private Integer downgradeWithinDays;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate effectiveFrom;

    @Size(max = 500)
    private String note;

    static RuleForm of(TierPolicyDraft draft) {
        RuleSet rules = draft.getRules();
        RuleForm form = new RuleForm();
        form.draftVersion = draft.getVersion();
        form.method = rules.method();
        form.windowMonths = rules.windowMonths();
        form.cutoffAPercent = percent(rules.pareto().a());
        form.cutoffBPercent = percent(rules.pareto().b());
        rules.scorecard().criteria().forEach(c -> form.criteria.add(CriterionForm.of(c)));
        form.minimumForA = rules.scorecard().minimumForA();
        form.minimumForB = rules.scorecard().minimumForB();
        HardRules hard = rules.hardRules();
        form.hardOrdersA = hard.ordersForA();
        form.hardRevenueA = plain(hard.revenueForA());
        form.hardOrdersB = hard.ordersForB();
        form.hardRevenueB = plain(hard.revenueForB());
        ChurnThresholds churn = rules.churn();
        form.revenueDropPercent = churn.revenueDropPercent();
        form.daysToPayIncrease = churn.daysToPayIncrease();
        form.silenceFactor = churn.silenceFactor();
        form.downgradeWithinDays = churn.downgradeWithinDays();
        form.effectiveFrom = draft.getEffectiveFrom();
        form.note = draft.getNote();
        return form.padded();
    }

    /** Blank rows to fill in, up to the editor's size, so an admin can add criteria and bands. */
    RuleForm padded() {
        while (criteria.size() < CRITERIA) {
            criteria.add(new CriterionForm());
        }
        criteria.forEach(CriterionForm::padded);
        return this;
    }

    /** 0.800000 → 80 (not 8E+1, which is what stripping zeros alone would show). */
    private static BigDecimal percent(BigDecimal share) {
        return plain(share.multiply(HUNDRED));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The rules that span fields, each reported beside the field the admin should change. */
    void check(Errors errors, LocalDate today) {
        if (cutoffAPercent != null && cutoffBPercent != null && cutoffAPercent.compareTo(cutoffBPercent) >= 0) {
            errors.rejectValue("cutoffAPercent", "rules.cutoffs.order");
        }
        if (minimumForA != null && minimumForB != null && minimumForB >= minimumForA) {
            errors.rejectValue("minimumForB", "rules.bands.tierOrder");
        }
        if (hardOrdersA != null && hardOrdersB != null && hardOrdersB > hardOrdersA) {
            errors.rejectValue("hardOrdersB", "rules.hard.orders");
        }
        if (hardRevenueA != null && hardRevenueB != null && hardRevenueB.compareTo(hardRevenueA) > 0) {
            errors.rejectValue("hardRevenueB", "rules.hard.revenue");
        }
        if (effectiveFrom != null && effectiveFrom.isBefore(today)) {
            errors.rejectValue("effectiveFrom", "rules.effectiveFrom.past");
        }
        checkCriteria(errors);
    }

    private void checkCriteria(Errors errors) {
        Set<String> names = new HashSet<>();
        boolean anyInUse = false;
        for (int i = 0; i < criteria.size(); i++) {
            CriterionForm c = criteria.get(i);
            String path = "criteria[" + i + "].";
            if (!c.inUse()) {
                if (!c.usedBands().isEmpty()) {
                    errors.rejectValue(path + "name", "rules.criterion.unnamed");
                }
                continue;
            }
            anyInUse = true;
            if (!names.add(c.getName().strip())) {
                errors.rejectValue(path + "name", "rules.criterion.duplicate");
            }
            requireValue(errors, path + "metric", c.getMetric());
            requireValue(errors, path + "higherIsBetter", c.getHigherIsBetter());
            requireValue(errors, path + "otherwisePoints", c.getOtherwisePoints());
            requireValue(errors, path + "pointsWithoutData", c.getPointsWithoutData());
            checkBands(errors, c, path);
        }
        if (!anyInUse) {
            errors.rejectValue("criteria[0].name", "rules.criteria.none");
        }
    }

    private static void checkBands(Errors errors, CriterionForm c, String path) {
        BigDecimal previous = null;
        boolean any = false;
        for (int j = 0; j < c.getBands().size(); j++) {
            BandForm band = c.getBands().get(j);
            String bandPath = path + "bands[" + j + "].";
            if (band.isBlank()) {
                continue;
            }
            any = true;
            requireValue(errors, bandPath + "threshold", band.getThreshold());
            requireValue(errors, bandPath + "points", band.getPoints());
            if (band.getThreshold() != null && previous != null && c.getHigherIsBetter() != null) {
                int order = band.getThreshold().compareTo(previous);
                if (c.getHigherIsBetter() ? order >= 0 : order <= 0) {
                    errors.rejectValue(bandPath + "threshold",
                            c.getHigherIsBetter() ? "rules.bands.descending" : "rules.bands.ascending");
                }
            }
            if (band.getThreshold() != null) {
                previous = band.getThreshold();
            }
        }
        if (!any) {
            errors.rejectValue(path + "bands[0].threshold", "rules.bands.none");
        }
    }

    private static void requireValue(Errors errors, String field, Object value) {
        if (value == null && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "rules.required");
        }
    }

    /** The rule set; call after {@link #check} found nothing. */
    RuleSet toRules() {
        return new RuleSet(method, windowMonths,
                new ParetoCutoffs(cutoffAPercent.divide(HUNDRED, 6, RoundingMode.HALF_UP),
                        cutoffBPercent.divide(HUNDRED, 6, RoundingMode.HALF_UP)),
                new Scorecard(criteria.stream().filter(CriterionForm::inUse).map(CriterionForm::toCriterion).toList(),
                        minimumForA, minimumForB),
                new HardRules(hardOrdersA, hardRevenueA, hardOrdersB, hardRevenueB),
                new ChurnThresholds(revenueDropPercent, daysToPayIncrease, silenceFactor, downgradeWithinDays));
    }
}
