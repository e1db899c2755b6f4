package com.keyaccount.crm.rules.web;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.web.ViolationFields;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;

/**
 * Where a rule set's violations go on the rule form. The form names fields after what the
 * admin sees (cutoffs in percent, hard floors in one list), and has blank rows the rule set
 * leaves out, so a criterion's or band's index in the rules is not its row on the form.
 */
final class RuleFormFields {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("windowMonths", "windowMonths"),
            Map.entry("quotaProductLineId", "quotaProductLineId"),
            Map.entry("pareto.a", "cutoffAPercent"),
            Map.entry("pareto.b", "cutoffBPercent"),
            Map.entry("scorecard.criteria", "criteria[0].name"),
            Map.entry("scorecard.minimumForA", "minimumForA"),
            Map.entry("scorecard.minimumForB", "minimumForB"),
            Map.entry("hardRules.ordersForA", "hardOrdersA"),
            Map.entry("hardRules.revenueForA", "hardRevenueA"),
            Map.entry("hardRules.ordersForB", "hardOrdersB"),
            Map.entry("hardRules.revenueForB", "hardRevenueB"),
            Map.entry("churn.revenueDropPercent", "revenueDropPercent"),
            Map.entry("churn.daysToPayIncrease", "daysToPayIncrease"),
            Map.entry("churn.silenceFactor", "silenceFactor"),
            Map.entry("churn.downgradeWithinDays", "downgradeWithinDays"),
            Map.entry("churn.complaintOverdueDays", "complaintOverdueDays"),
            Map.entry("churn.satisfactionDropPoints", "satisfactionDropPoints"));
    private static final Pattern LOWER = Pattern.compile(
            "(pareto\\.lower|scorecard\\.lowerMinimums|hardRules\\.lower)\\[(\\d+)](\\.orders|\\.revenue)?");
    private static final Map<String, String> LOWER_FIELDS = Map.of("pareto.lower", "lower.cutoffPercents",
            "scorecard.lowerMinimums", "lower.minimums", "hardRules.lower", "lower.floors");
    private static final Pattern SHARE_CUT = Pattern.compile("shares\\.cuts(?:\\[(\\d+)])?");
    private static final Pattern RUNG = Pattern.compile("ladder\\.rungs(\\[\\d+])?(\\..+)?");
    private static final Pattern CRITERION = Pattern.compile("scorecard\\.criteria\\[(\\d+)](?:\\.bands(?:\\[(\\d+)])?)?(\\..+)?");

    /** The form row of one criterion of the rule set, and the form rows of its bands. */
    record Row(int index, List<Integer> bands) {
    }

    private final List<Row> rows;

    RuleFormFields(List<Row> rows) {
        this.rows = rows;
    }

    void reject(Errors errors, List<Violation> violations) {
        ViolationFields.reject(errors, violations, v -> field(v.path()), v -> ViolationFields.message(v, "rules."));
    }

    String field(String path) {
        String field = FIELDS.get(path);
        if (field != null) {
            return field;
        }
        Matcher lower = LOWER.matcher(path);
        if (lower.matches()) {
            String at = LOWER_FIELDS.get(lower.group(1)) + "[" + lower.group(2) + "]";
            // a missing floor is said beside its orders
            return lower.group(1).startsWith("hard") ? at + (lower.group(3) == null ? ".orders" : lower.group(3)) : at;
        }
        Matcher cut = SHARE_CUT.matcher(path);
        if (cut.matches()) {
            // how many cuts there must be is said beside the first
            return "shareCutPercents[" + (cut.group(1) == null ? "0" : cut.group(1)) + "]";
        }
        Matcher rung = RUNG.matcher(path);
        if (rung.matches()) {
            // the ladder's rows are the form's rows; its size or order is said beside the first name
            return rung.group(1) == null || ".code".equals(rung.group(2)) ? "ladder[0].nameZh"
                    : "ladder" + rung.group(1) + rung.group(2);
        }
        Matcher m = CRITERION.matcher(path);
        if (!m.matches()) {
            throw new IllegalArgumentException("no field on the rule form for " + path);
        }
        Row row = rows.get(Integer.parseInt(m.group(1)));
        String criterion = "criteria[" + row.index() + "]";
        if (path.contains(".bands")) {
            // "the criterion has no band" is said beside its first band
            int band = m.group(2) == null ? 0 : row.bands().get(Integer.parseInt(m.group(2)));
            return criterion + ".bands[" + band + "]" + (m.group(3) == null ? ".threshold" : m.group(3));
        }
        return criterion + m.group(3);
    }
}
