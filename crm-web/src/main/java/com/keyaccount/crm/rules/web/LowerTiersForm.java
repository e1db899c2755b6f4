package com.keyaccount.crm.rules.web;

import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.TierLadder;
import com.keyaccount.crm.web.MoneyField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import lombok.Getter;
import lombok.Setter;

/**
 * The boundaries of a ladder's fourth and fifth tiers for Pareto, the scorecard and the hard
 * rules, as edited: a row per tier below B that is not the bottom one (C's with four tiers, C's
 * and D's with five). Rows beyond the ladder may stay blank; a method in force needs one per
 * boundary, which the rule set says beside the first row.
 */
@Getter
@Setter
public class LowerTiersForm {

    /** Rows the longest ladder needs: its tiers less A, B and the bottom one. */
    static final int ROWS = TierLadder.MOST_TIERS - 3;

    private List<@Digits(integer = 3, fraction = 4) BigDecimal> cutoffPercents = new ArrayList<>();

    private List<Integer> minimums = new ArrayList<>();

    @Valid
    private List<FloorForm> floors = new ArrayList<>();

    /** One tier's hard floors. */
    @Getter
    @Setter
    public static class FloorForm {

        private Long orders;

        @Digits(integer = 16, fraction = 2)
        @MoneyField
        private BigDecimal revenue;

        boolean isComplete() {
            return orders != null && revenue != null;
        }
    }

    static LowerTiersForm of(RuleSet rules) {
        LowerTiersForm form = new LowerTiersForm();
        form.cutoffPercents = Percents.of(rules.pareto().lower());
        form.minimums = new ArrayList<>(rules.scorecard().lowerMinimums());
        for (HardRules.Floor floor : rules.hardRules().lower()) {
            FloorForm row = new FloorForm();
            row.orders = floor.orders();
            row.revenue = Percents.plain(floor.revenue());
            form.floors.add(row);
        }
        return form.padded();
    }

    /** Blank rows up to the longest ladder's; a value the binder could not read leaves its row out. */
    LowerTiersForm padded() {
        pad(cutoffPercents, () -> null);
        pad(minimums, () -> null);
        pad(floors, FloorForm::new);
        return this;
    }

    private static <T> void pad(List<T> rows, Supplier<T> blank) {
        while (rows.size() < ROWS) {
            rows.add(blank.get());
        }
    }

    /** Pareto's cuts below B's for a ladder with {@code tiers} tiers: the rows filled in, top first. */
    List<BigDecimal> cutoffs(int tiers) {
        return leading(cutoffPercents, below(tiers), v -> v == null ? null : Percents.share(v));
    }

    /** The rows a ladder of {@code tiers} uses: its tiers below B but the bottom one. */
    private static int below(int tiers) {
        return Math.max(0, tiers - 3);
    }

    List<Integer> minimums(int tiers) {
        return leading(minimums, below(tiers), v -> v);
    }

    List<HardRules.Floor> floors(int tiers) {
        return leading(floors, below(tiers), f -> f == null || !f.isComplete() ? null : new HardRules.Floor(f.orders, f.revenue));
    }

    /**
     * The first {@code count} rows' values, top first, up to the first blank: a method that needs
     * more hears so from the rule set, and the others keep their blanks.
     */
    static <T, R> List<R> leading(List<T> rows, int count, Function<T, R> value) {
        List<R> values = new ArrayList<>();
        for (int i = 0; i < count && i < rows.size(); i++) {
            R v = value.apply(rows.get(i));
            if (v == null) {
                break;
            }
            values.add(v);
        }
        return values;
    }
}
