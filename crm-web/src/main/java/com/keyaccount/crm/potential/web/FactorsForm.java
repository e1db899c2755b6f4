package com.keyaccount.crm.potential.web;

import com.keyaccount.crm.customer.PotentialFactors;
import com.keyaccount.crm.customer.PotentialFactors.Factor;
import com.keyaccount.crm.customer.PotentialFactors.Name;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.web.PlainText;
import com.keyaccount.crm.web.ViolationFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.Getter;
import lombok.Setter;
import org.springframework.validation.Errors;

/**
 * The admin's table of potential by two factors as edited: each factor and its three levels named
 * in both languages, and the nine scores row by row ({@code scores[row * 3 + column]}).
 */
@Getter
@Setter
public class FactorsForm {

    private static final Pattern LEVEL = Pattern.compile("(rows|columns)\\.levels(?:\\[(\\d)])?(\\.(?:zh|en))?");
    private static final Pattern NAME = Pattern.compile("(rows|columns)\\.name\\.(zh|en)");
    private static final Pattern SCORE = Pattern.compile("scores(?:\\[(\\d)]\\[(\\d)])?");

    /** Opened at this version of the table: saving over someone else's change is refused. */
    private long version;

    private boolean enabled;

    @Valid
    private NameForm rowName = new NameForm();

    private List<@Valid NameForm> rowLevels = new ArrayList<>();

    @Valid
    private NameForm columnName = new NameForm();

    private List<@Valid NameForm> columnLevels = new ArrayList<>();

    private List<Integer> scores = new ArrayList<>();

    /** A name in both languages; how long it may be the table says, the size only keeps a pasted page out. */
    @Getter
    @Setter
    public static class NameForm {

        @Size(max = 200)
        @PlainText
        private String zh;

        @Size(max = 200)
        @PlainText
        private String en;

        static NameForm of(Name name) {
            NameForm form = new NameForm();
            form.zh = name.zh();
            form.en = name.en();
            return form;
        }

        Name toName() {
            return new Name(zh == null ? null : zh.strip(), en == null ? null : en.strip());
        }
    }

    static FactorsForm of(PotentialFactors factors, long version) {
        FactorsForm form = new FactorsForm();
        form.version = version;
        form.enabled = factors.enabled();
        form.rowName = NameForm.of(factors.rows().name());
        form.rowLevels = new ArrayList<>(factors.rows().levels().stream().map(NameForm::of).toList());
        form.columnName = NameForm.of(factors.columns().name());
        form.columnLevels = new ArrayList<>(factors.columns().levels().stream().map(NameForm::of).toList());
        factors.scores().forEach(form.scores::addAll);
        return form;
    }

    /** Rows the binder left out (a value it could not read, a hand-made request) are shown again. */
    FactorsForm padded() {
        while (rowLevels.size() < PotentialFactors.LEVELS) {
            rowLevels.add(new NameForm());
        }
        while (columnLevels.size() < PotentialFactors.LEVELS) {
            columnLevels.add(new NameForm());
        }
        while (scores.size() < PotentialFactors.LEVELS * PotentialFactors.LEVELS) {
            scores.add(null);
        }
        return this;
    }

    PotentialFactors toFactors() {
        padded();
        int levels = PotentialFactors.LEVELS;
        List<List<Integer>> table = new ArrayList<>();
        for (int row = 0; row < levels; row++) {
            table.add(new ArrayList<>(scores.subList(row * levels, row * levels + levels)));
        }
        return new PotentialFactors(enabled, factor(rowName, rowLevels), factor(columnName, columnLevels), table);
    }

    /** Says what is wrong with the table beside the field to change; bean validation has run. */
    void check(Errors errors) {
        ViolationFields.reject(errors, toFactors().violations(), v -> field(v.path()),
                v -> ViolationFields.message(v, "potential."));
    }

    private static Factor factor(NameForm name, List<NameForm> levels) {
        return new Factor(name.toName(), levels.stream().limit(PotentialFactors.LEVELS).map(NameForm::toName)
                .toList());
    }

    static String field(String path) {
        Matcher name = NAME.matcher(path);
        if (name.matches()) {
            return prefix(name.group(1)) + "Name." + name.group(2);
        }
        Matcher level = LEVEL.matcher(path);
        if (level.matches()) {
            return prefix(level.group(1)) + "Levels[" + (level.group(2) == null ? "0" : level.group(2)) + "]"
                    + (level.group(3) == null ? ".zh" : level.group(3));
        }
        Matcher score = SCORE.matcher(path);
        if (score.matches()) {
            return "scores[" + (score.group(1) == null ? 0
                    : Integer.parseInt(score.group(1)) * PotentialFactors.LEVELS + Integer.parseInt(score.group(2)))
                    + "]";
        }
        throw new IllegalArgumentException("no field on the factors form for " + path);
    }

    private static String prefix(String part) {
        return part.equals("rows") ? "row" : "column";
    }
}
