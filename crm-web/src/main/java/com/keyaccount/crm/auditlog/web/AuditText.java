package com.keyaccount.crm.auditlog.web;

import com.keyaccount.crm.customer.ChinaDivisions;
import com.keyaccount.crm.customer.Place;
import com.keyaccount.crm.productline.ProductLines;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.rules.application.RuleSetText;
import com.keyaccount.crm.web.Formats;
import com.keyaccount.crm.web.LadderText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit log stores codes (actions, record types, field names, enum values) so that it never
 * changes with the wording; this puts them in the reader's language. A code without a label is
 * shown as stored and logged, so a new one is noticed rather than hidden.
 */
@Component("auditText")
public class AuditText {

    private static final Logger log = LoggerFactory.getLogger(AuditText.class);

    /** Fields whose stored values are codes of a labelled set: field → message key prefix. */
    private static final Map<String, String> VALUE_LABELS = Map.ofEntries(
            Map.entry("industry", "industry."), Map.entry("region", "region."), Map.entry("status", "status."),
            Map.entry("decisionRole", "role."), Map.entry("role", "userrole."), Map.entry("pinnedTier", "tier."),
            Map.entry("method", "tiers.method."), Map.entry("channel", "channel."), Map.entry("measure", "measure."),
            Map.entry("scope", "rules.scope."), Map.entry("rescheduleReason", "myday.reschedule.reason."),
            Map.entry("kind", "ladderEditor.kind."), Map.entry("requirement", "ladderEditor.requirement."),
            Map.entry("evidence", "ladderEditor.evidence."), Map.entry("projectFactorEvidence", "ladderEditor.evidence."),
            Map.entry("targetIndustries", "industry."), Map.entry("refusalReason", "prospect.refusal."),
            Map.entry("surveyChannel", "survey.channel."), Map.entry("surveyReason", "survey.reason."),
            Map.entry("careState", "care.state."), Map.entry("lossReason", "lost.reason."),
            Map.entry("comeBack", "lost.comeBack."), Map.entry("adoption", "adoption."),
            Map.entry("complaintStatus", "complaint.status."), Map.entry("complaintCategory", "complaint.category."),
            Map.entry("planStatus", "plan.status."));

    /**
     * A part of a record named after one of its items, e.g. {@code stage[A05].nameZh} or
     * {@code cadenceDays[B]}: labelled by the part's message with the item as its argument.
     */
    private static final Pattern ITEM_FIELD = Pattern.compile("(\\w+)\\[([^\\]]{1,20})](?:\\.(\\w+))?");

    /** A prospect's fields whose stored values are the ladder's codes (its data, not messages) or a class. */
    private static final String STAGE = "stage";
    private static final String CONDITION = "condition";
    private static final String CLOSE_CLASS = "closeClass";
    private static final String EXPECTED_VALUE = "expectedMonthlyValue";

    /** The tier policy's field naming the product line whose tier visit quotas follow. */
    private static final String QUOTA_LINE = "quotaProductLine";

    private final MessageSource messages;
    private final Formats formats;
    private final ProductLines productLines;
    private final LadderText ladderText;

    AuditText(MessageSource messages, Formats formats, ProductLines productLines, LadderText ladderText) {
        this.messages = messages;
        this.formats = formats;
        this.productLines = productLines;
        this.ladderText = ladderText;
    }

    public String action(String code) {
        return label(List.of("audit.action." + code), code);
    }

    public String entity(String type) {
        // an export names what was exported, as the export page does
        return label(List.of("audit.entity." + type, "export.kind." + type), type);
    }

    /** The field's label: the form's own label where the record has a form, else the log's. */
    public String field(String entityType, String field) {
        String form = switch (entityType) {
            case "Customer" -> "customer.";
            case "Contact" -> "contact.";
            case "AppUser" -> "user.";
            case "ApiToken" -> "apitoken.";
            case "ProductLine" -> "productline.";
            default -> "audit.field.";
        };
        Matcher item = ITEM_FIELD.matcher(field);
        if (item.matches()) {
            String part = item.group(1) + (item.group(3) == null ? "" : "." + item.group(3));
            // the record's own label first, then the field's wherever it stands (several records share one)
            return label(List.of("audit.field." + entityType + "." + part, "audit.field." + part), field,
                    item.group(2));
        }
        return label(List.of("audit.field." + entityType + "." + field, form + field, "audit.field." + field), field);
    }

    /** A stored value as the pages show it: labels for codes, 是/否, dates and times in the reader's zone. */
    public String value(String field, String stored) {
        if (stored == null || stored.isEmpty()) {
            return stored;
        }
        if (QUOTA_LINE.equals(field)) {
            return quotaLine(stored);
        }
        if (STAGE.equals(field)) {
            return ladderText.stage(stored);
        }
        if (CONDITION.equals(field)) {
            return ladderText.condition(stored);
        }
        if (CLOSE_CLASS.equals(field) && stored.matches("[A-E]")) {
            return ladderText.closeClass(CloseClass.valueOf(stored));
        }
        if (EXPECTED_VALUE.equals(field) && stored.matches("-?\\d{1,18}(\\.\\d{1,2})?")) {
            return formats.money(new BigDecimal(stored));
        }
        if (Place.FIELDS.contains(field) && stored.matches("\\d{6}")) {
            return Objects.requireNonNullElse(ChinaDivisions.get().name(stored, LocaleContextHolder.getLocale()), stored);
        }
        String prefix = VALUE_LABELS.get(partOf(field));
        if (prefix != null && stored.matches("[A-Z_]+")) {
            return label(List.of(prefix + stored), stored);
        }
        if (prefix != null && stored.matches("[A-Z_]+(, [A-Z_]+)+")) {
            // a list of codes (industries, how each condition is confirmed), each in words
            return Arrays.stream(stored.split(", ")).map(code -> label(List.of(prefix + code), code))
                    .collect(Collectors.joining(separator()));
        }
        if (stored.equals("true") || stored.equals("false")) {
            return label(List.of("audit.value." + stored), stored);
        }
        if (stored.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
            try {
                return formats.dateTime(Instant.parse(stored));
            } catch (DateTimeParseException e) {
                return stored;
            }
        }
        if (stored.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return formats.date(LocalDate.parse(stored));
        }
        return stored;
    }

    /**
     * The line visit quotas follow by the name the pages give it: stored as its code ("#id" where
     * the line was gone when audited), or as {@link RuleSetText#BEST_LINE_TIER}. A line that no
     * longer exists keeps what was stored.
     */
    private String quotaLine(String stored) {
        if (RuleSetText.BEST_LINE_TIER.equals(stored)) {
            return label(List.of("rules.quotaLine.best"), stored);
        }
        Optional<String> name = stored.matches("#\\d{1,18}")
                ? productLines.displayName(Long.parseLong(stored.substring(1)))
                : productLines.displayNameOfCode(stored);
        return name.orElse(stored);
    }

    /** The part an item field names ({@code kind} of {@code stage[A05].kind}); other fields as they are. */
    private static String partOf(String field) {
        if (field == null) {
            return null;
        }
        Matcher item = ITEM_FIELD.matcher(field);
        return !item.matches() ? field : item.group(3) == null ? item.group(1) : item.group(3);
    }

    private static String separator() {
        return LocaleContextHolder.getLocale().getLanguage().equals("zh") ? "、" : ", ";
    }

    private String label(List<String> keys, String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        for (String key : keys) {
            String text = messages.getMessage(key, args.length == 0 ? null : args, null, locale);
            if (text != null) {
                return text;
            }
        }
        log.warn("No label for audit code {} (tried {})", code, keys);
        return code;
    }
}
