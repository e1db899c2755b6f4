package com.keyaccount.crm.exporting;

import java.util.Map;

/**
 * How a column of an export is shown: its header (the label {@code export.column.<code>} in the
 * reader's language), whether its values are codes shown by their page label (industry.FINANCE →
 * 金融业), and, in a workbook, its number format and width. The column codes are the exports'
 * own (see {@code ExportKind} and the rule preview's movers); an unknown code is plain text.
 */
record ExportColumn(String code, String header, Shape shape, String labels, int width) {

    /**
     * What a column's cells hold, for a workbook's number format and width. Formats escape
     * literals with a backslash: FastExcel writes them into styles.xml unescaped, so a quote
     * would break the file.
     */
    enum Shape {
        TEXT(null, 14), LABEL(null, 12), LABEL_LIST(null, 24), MONEY("\\¥#,##0.00", 16), COUNT("#,##0", 10), NUMBER(null, 10),
        DECIMAL("0.0", 10), PERCENT("0.0%", 10), DATE(null, 12), DATE_TIME(null, 17), COORDINATE("0.000000", 12),
        /** a province's or city's code of the national list, shown by its name */
        PLACE(null, 12);

        final String format;
        final int width;

        Shape(String format, int width) {
            this.format = format;
            this.width = width;
        }
    }

    private record Spec(Shape shape, String labels, int width) {
    }

    private static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("name", text(28)), Map.entry("customer_name", text(28)), Map.entry("address", text(36)),
            Map.entry("phone", text(16)), Map.entry("email", text(24)), Map.entry("title", text(16)),
            Map.entry("lost_reason", text(24)), Map.entry("notes", text(30)), Map.entry("summary", text(40)),
            Map.entry("outcome", text(30)), Map.entry("next_step", text(30)), Map.entry("old_value", text(24)),
            Map.entry("new_value", text(24)), Map.entry("field", text(16)),
            Map.entry("province", shape(Shape.PLACE)), Map.entry("city", shape(Shape.PLACE)),
            Map.entry("industry", label("industry.", 16)), Map.entry("region", label("region.", 10)),
            Map.entry("status", label("status.", 10)), Map.entry("tier", label("tier.", 8)),
            Map.entry("computed_tier", label("tier.", 8)), Map.entry("pinned_tier", label("tier.", 8)),
            Map.entry("tier_now", label("tier.", 8)), Map.entry("tier_under_draft", label("tier.", 8)),
            Map.entry("decision_role", label("role.", 10)), Map.entry("channel", label("channel.", 12)),
            Map.entry("due_rule", label("export.dueRule.", 20)), Map.entry("move", label("export.move.", 8)),
            Map.entry("line_tiers", new Spec(Shape.LABEL_LIST, "tier.", 28)),
            Map.entry("margin_in_window", shape(Shape.MONEY)),
            Map.entry("action", text(14)), Map.entry("entity_type", text(16)),
            Map.entry("annual_sales", shape(Shape.MONEY)), Map.entry("revenue_in_window", shape(Shape.MONEY)),
            Map.entry("credit_notes_in_window", shape(Shape.MONEY)),
            Map.entry("gross_margin_in_window", shape(Shape.MONEY)),
            Map.entry("employee_count", shape(Shape.COUNT)), Map.entry("order_count", shape(Shape.COUNT)),
            Map.entry("rank", shape(Shape.NUMBER)), Map.entry("score", shape(Shape.NUMBER)),
            Map.entry("policy_version", shape(Shape.NUMBER)), Map.entry("entity_id", shape(Shape.NUMBER)),
            Map.entry("avg_days_to_pay", shape(Shape.DECIMAL)), Map.entry("share_before", shape(Shape.PERCENT)),
            Map.entry("birthday", shape(Shape.DATE)), Map.entry("anniversary", shape(Shape.DATE)),
            Map.entry("pinned_until", shape(Shape.DATE)), Map.entry("agreed_next_on", shape(Shape.DATE)),
            Map.entry("due_on", shape(Shape.DATE)), Map.entry("last_contact_on", shape(Shape.DATE)),
            Map.entry("last_visit_on", shape(Shape.DATE)), Map.entry("occurred_at", shape(Shape.DATE_TIME)),
            // the pages' "Export this view" (ViewExports)
            Map.entry("revenue_at_risk", shape(Shape.MONEY)), Map.entry("signals", text(60)),
            Map.entry("breakdown", text(14)), Map.entry("group", text(20)), Map.entry("customers", shape(Shape.COUNT)),
            Map.entry("overdue", shape(Shape.COUNT)), Map.entry("not_contacted", shape(Shape.COUNT)),
            Map.entry("from_tier", text(10)), Map.entry("to_tier", text(10)),
            Map.entry("required_contacts", shape(Shape.COUNT)), Map.entry("made_contacts", shape(Shape.COUNT)),
            Map.entry("contacts_attained", shape(Shape.PERCENT)), Map.entry("required_visits", shape(Shape.COUNT)),
            Map.entry("made_visits", shape(Shape.COUNT)), Map.entry("visits_attained", shape(Shape.PERCENT)),
            // attainment's service columns (issue 18)
            Map.entry("complaints_answer_due", shape(Shape.COUNT)),
            Map.entry("complaints_answered_on_time", shape(Shape.COUNT)),
            Map.entry("complaints_answered_on_time_share", shape(Shape.PERCENT)),
            Map.entry("complaints_resolve_due", shape(Shape.COUNT)),
            Map.entry("complaints_resolved_on_time", shape(Shape.COUNT)),
            Map.entry("complaints_resolved_on_time_share", shape(Shape.PERCENT)),
            Map.entry("surveys_answered", shape(Shape.COUNT)), Map.entry("satisfaction_average", shape(Shape.DECIMAL)),
            Map.entry("nps", shape(Shape.NUMBER)),
            // check in and out (issue 23): the customer's location, attainment's evidence of on-site visits
            Map.entry("latitude", shape(Shape.COORDINATE)), Map.entry("longitude", shape(Shape.COORDINATE)),
            Map.entry("visits_all", shape(Shape.COUNT)), Map.entry("visits_verified", shape(Shape.COUNT)),
            Map.entry("minutes_on_site", shape(Shape.COUNT)), Map.entry("days_at_customers", shape(Shape.COUNT)),
            // potential and adoption (issue 16, the nine-grid): a score, and a code shown by its label
            Map.entry("potential", shape(Shape.NUMBER)), Map.entry("adoption", label("adoption.", 14)),
            Map.entry("potential_row", text(14)), Map.entry("potential_column", text(14)),
            // the prospect funnel and its list (prospect.funnel.web)
            Map.entry("expected_monthly", shape(Shape.MONEY)), Map.entry("days_at_stage", shape(Shape.COUNT)),
            Map.entry("prospect_count", shape(Shape.COUNT)), Map.entry("stuck_count", shape(Shape.COUNT)),
            Map.entry("open_count", shape(Shape.COUNT)), Map.entry("refused_count", shape(Shape.COUNT)),
            Map.entry("won_count", shape(Shape.COUNT)), Map.entry("stays_count", shape(Shape.COUNT)),
            Map.entry("moved_up_count", shape(Shape.COUNT)), Map.entry("conversion_share", shape(Shape.PERCENT)),
            Map.entry("median_stay_days", shape(Shape.DECIMAL)), Map.entry("stage_name", text(18)),
            Map.entry("close_class_name", text(16)), Map.entry("priority_name", text(12)),
            Map.entry("refusal_reason_name", text(16)), Map.entry("class_name", text(16)),
            // duties per role and the quarter's account plans (issue 19)
            Map.entry("person", text(16)), Map.entry("role", text(14)), Map.entry("key_accounts", shape(Shape.COUNT)),
            Map.entry("duty_visits_required", shape(Shape.COUNT)), Map.entry("duty_visits_made", shape(Shape.COUNT)),
            Map.entry("duty_visits_attained", shape(Shape.PERCENT)), Map.entry("duty_calls_required", shape(Shape.COUNT)),
            Map.entry("duty_calls_made", shape(Shape.COUNT)), Map.entry("duty_calls_attained", shape(Shape.PERCENT)),
            Map.entry("days_at_key_accounts", shape(Shape.COUNT)),
            Map.entry("days_at_key_accounts_required", shape(Shape.COUNT)), Map.entry("quarter", text(14)),
            Map.entry("plan_status", text(16)), Map.entry("plan_updated_at", shape(Shape.DATE_TIME)),
            Map.entry("plan_expected_revenue", shape(Shape.MONEY)));

    /** The targets board's measures (issue 19): done, target, attained, the year before, growth. */
    private static final java.util.regex.Pattern TARGET_MEASURE = java.util.regex.Pattern.compile(
            "(revenue|orders|new_key_accounts|buying_customers)_(actual|target|attained|year_before|growth)");

    static ExportColumn of(String code, String header) {
        Spec spec = SPECS.getOrDefault(code, targetMeasure(code));
        return new ExportColumn(code, header, spec.shape(), spec.labels(), Math.max(spec.width(), width(header) + 2));
    }

    /** Whether the column's values are codes shown by their label. */
    boolean labelled() {
        return labels != null;
    }

    /** Display width as a spreadsheet counts it: a Chinese character takes two. */
    static int width(String text) {
        return text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
    }

    private static Spec targetMeasure(String code) {
        var measure = TARGET_MEASURE.matcher(code);
        if (!measure.matches()) {
            return text(Shape.TEXT.width);
        }
        String part = measure.group(2);
        return part.equals("attained") || part.equals("growth") ? shape(Shape.PERCENT)
                : shape(measure.group(1).equals("revenue") ? Shape.MONEY : Shape.COUNT);
    }

    private static Spec text(int width) {
        return new Spec(Shape.TEXT, null, width);
    }

    private static Spec label(String prefix, int width) {
        return new Spec(Shape.LABEL, prefix, width);
    }

    private static Spec shape(Shape shape) {
        return new Spec(shape, null, shape.width);
    }
}
