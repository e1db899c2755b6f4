package com.keyaccount.crm.rules.web;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.rules.application.RuleChange;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.rules.CustomerShareBands;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.tier.rules.TierLadder;
import com.keyaccount.crm.tier.rules.TierMethod;
import com.keyaccount.crm.web.MoneyField;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * A draft rule change as the admin edits it: every method's parameters (shares in percent),
 * the churn thresholds, an optional effective date and a note. Blank rows are unused rows.
 *
 * <p>The form checks only what is about the form: a value is there and readable, a used row is
 * complete, the date is not past. What makes rules wrong the rules say themselves
 * ({@link RuleSet#violations()}); {@link RuleFormFields} puts each beside its field. They can
 * only be asked once every value is there, so until then the admin sees what is missing.
 */
@Getter
@Setter
public class RuleForm {

    static final int CRITERIA = 4;

    /** The draft's version when the form was opened: saving over someone else's change is refused. */
    private long draftVersion;

    @NotNull
    private TierMethod method;

    @NotNull
    private Integer windowMonths;

    /** A form that does not send it (one from before measures) means net revenue. */
    @NotNull
    private Measure measure = Measure.NET_REVENUE;

    @NotNull
    private Scope scope = Scope.BOOK;

    /** Blank: quotas follow the best line tier. Only read with one tier per product line. */
    private Long quotaProductLineId;

    @NotNull
    @Digits(integer = 3, fraction = 4)
    private BigDecimal cutoffAPercent;

    @NotNull
    @Digits(integer = 3, fraction = 4)
    private BigDecimal cutoffBPercent;

    @Valid
    private List<CriterionForm> criteria = new ArrayList<>();

    /** Bands by share of customers: each cut in percent of customers, top first; blank beyond the ladder. */
    private List<@Digits(integer = 3, fraction = 4) BigDecimal> shareCutPercents = new ArrayList<>();

    /** The tiers' names, top first; rows left blank below the last named are no tiers. */
    @Valid
    private List<RungForm> ladder = new ArrayList<>();

    /** The other methods' boundaries of a fourth and fifth tier. */
    @Valid
    private LowerTiersForm lower = new LowerTiersForm();

    @NotNull
    private Integer minimumForA;

    @NotNull
    private Integer minimumForB;

    @NotNull
    private Long hardOrdersA;

    @NotNull
    @Digits(integer = 16, fraction = 2)
    @MoneyField
    private BigDecimal hardRevenueA;

    @NotNull
    private Long hardOrdersB;

    @NotNull
    @Digits(integer = 16, fraction = 2)
    @MoneyField
    private BigDecimal hardRevenueB;

    @NotNull
    private Integer revenueDropPercent;

    @NotNull
    private Integer daysToPayIncrease;

    @NotNull
    private Integer silenceFactor;

    @NotNull
    private Integer downgradeWithinDays;

    /**
     * The service signals (issue 18). A form that does not send them (one rendered before they
     * existed) means their defaults; one sent blank is refused beside the field.
     */
    @NotNull
    private Integer complaintOverdueDays = ChurnThresholds.DEFAULT_COMPLAINT_OVERDUE_DAYS;

    @NotNull
    private Integer satisfactionDropPoints = ChurnThresholds.DEFAULT_SATISFACTION_DROP_POINTS;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate effectiveFrom;

    @Size(max = 500)
    @PlainText
    private String note;

    /** A form that sends no tier names, share cuts or lower boundaries (one rendered before them) keeps the draft's. */
    void unsentKept(Draft<RuleChange> draft) {
        if (ladder.isEmpty()) {
            ladder = RungForm.of(draft.content().rules().ladder());
        }
        if (shareCutPercents.isEmpty()) {
            shareCutPercents = Percents.of(draft.content().rules().shares().cuts());
        }
        if (lower.getCutoffPercents().isEmpty() && lower.getMinimums().isEmpty() && lower.getFloors().isEmpty()) {
            lower = LowerTiersForm.of(draft.content().rules());
        }
    }

    /** The criteria's names as the editor shows them (a seed name in the reader's language). */
    RuleForm namesShown(UnaryOperator<String> shown) {
        criteria.stream().filter(CriterionForm::inUse).forEach(c -> c.setName(shown.apply(c.getName())));
        return this;
    }

    /** Blank rows to fill in, up to the editor's size, so an admin can add criteria and bands. */
    RuleForm padded() {
        while (criteria.size() < CRITERIA) {
            criteria.add(new CriterionForm());
        }
        criteria.forEach(CriterionForm::padded);
        padBoundaries();
        while (ladder.size() < TierLadder.MOST_TIERS) {
            ladder.add(new RungForm());
        }
        return this;
    }

    /** A value the binder could not read leaves its row out: the row is there again, to show what was typed and say what is missing. */
    private void padBoundaries() {
        while (shareCutPercents.size() < CustomerShareBands.MOST_CUTS) {
            shareCutPercents.add(null);
        }
        lower.padded();
    }

    /** Reports what is wrong beside the field the admin should change; bean validation has run. */
    void check(Errors errors, LocalDate today) {
        check(errors, today, RuleSet::violations);
    }

    /**
     * As {@link #check(Errors, LocalDate)}, with what is wrong with the rules said by
     * {@code violations} (which may know more than the rules, e.g. which product lines exist).
     */
    void check(Errors errors, LocalDate today, Function<RuleSet, List<Violation>> violations) {
        if (effectiveFrom != null && effectiveFrom.isBefore(today)) {
            errors.rejectValue("effectiveFrom", "rules.effectiveFrom.past");
        }
        if (criteria.size() > CRITERIA) {
            // the binder grows lists to the larger of the two sizes, so one criterion too many gets here
            errors.reject("rules.criteria.tooMany", new Object[] {CRITERIA}, null);
            criteria.subList(CRITERIA, criteria.size()).clear();
        }
        for (int i = 0; i < criteria.size(); i++) {
            criteria.get(i).checkRow(errors, "criteria[" + i + "].");
        }
        padBoundaries();
        toRules().ifPresent(rules -> new RuleFormFields(usedRows()).reject(errors, violations.apply(rules)));
    }

    /** The rule set typed, when every value it needs is there ({@link RuleFormRules}). */
    Optional<RuleSet> toRules() {
        return toRules(UnaryOperator.identity());
    }

    /** As {@link #toRules()}, with each criterion's name as {@code stored} says it is stored. */
    Optional<RuleSet> toRules(UnaryOperator<String> stored) {
        return RuleFormRules.of(this, stored);
    }

    /** The number of tiers the form names: which boundary fields the editor shows. */
    int tiersTyped() {
        return RungForm.toLadder(ladder).size();
    }

    /** For each criterion of the rule set, its row on the form and the rows of its bands. */
    private List<RuleFormFields.Row> usedRows() {
        List<RuleFormFields.Row> rows = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            if (criteria.get(i).inUse()) {
                rows.add(new RuleFormFields.Row(i, criteria.get(i).usedBandRows()));
            }
        }
        return rows;
    }
}
