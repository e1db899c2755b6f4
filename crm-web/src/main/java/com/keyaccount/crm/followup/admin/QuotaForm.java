package com.keyaccount.crm.followup.admin;

import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.ChannelGroup;
import com.keyaccount.crm.followup.rules.QuotaConsistency;
import com.keyaccount.crm.followup.rules.QuotaFinding;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.tier.Tier;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The quota editor's fields as typed: per tier and channel group "at least every N days" and
 * "at most M per 30 days" (blank: none), the upgrade grace and a note. Checked in two steps:
 * each field on its own (numbers in range), then, when all are numbers, the set as a whole
 * ({@link QuotaConsistency}); errors block saving, warnings are shown next to the field.
 */
public final class QuotaForm {

    static final int NOTE_LENGTH = 500;

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, FieldMessage> errors = new HashMap<>();
    private final Map<String, FieldMessage> warnings = new HashMap<>();
    private VisitQuotas quotas;

    static String minField(Tier tier, ChannelGroup group) {
        return "min_" + tier + "_" + group;
    }

    static String maxField(Tier tier, ChannelGroup group) {
        return "max_" + tier + "_" + group;
    }

    static QuotaForm of(VisitQuotas quotas, String note) {
        QuotaForm form = new QuotaForm();
        for (Tier tier : Tier.values()) {
            for (ChannelGroup group : ChannelGroup.values()) {
                Cadence c = quotas.of(tier).of(group);
                form.values.put(minField(tier, group), c.atLeastEveryDays() == null ? "" : c.atLeastEveryDays().toString());
                form.values.put(maxField(tier, group), c.atMostPer30Days() == null ? "" : c.atMostPer30Days().toString());
            }
        }
        form.values.put("graceDays", Integer.toString(quotas.upgradeGraceDays()));
        form.values.put("note", note == null ? "" : note);
        form.check();
        return form;
    }

    /** What was posted, kept as typed, and checked. */
    static QuotaForm posted(Map<String, String> params) {
        QuotaForm form = new QuotaForm();
        for (Tier tier : Tier.values()) {
            for (ChannelGroup group : ChannelGroup.values()) {
                form.values.put(minField(tier, group), params.getOrDefault(minField(tier, group), ""));
                form.values.put(maxField(tier, group), params.getOrDefault(maxField(tier, group), ""));
            }
        }
        form.values.put("graceDays", params.getOrDefault("graceDays", ""));
        form.values.put("note", params.getOrDefault("note", ""));
        form.check();
        return form;
    }

    private void check() {
        Map<Tier, TierCadence> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Cadence any = cadence(tier, ChannelGroup.ANY_CONTACT);
            Cadence visit = cadence(tier, ChannelGroup.ON_SITE_VISIT);
            if (any != null && visit != null) {
                byTier.put(tier, new TierCadence(any, visit));
            }
        }
        Integer grace = number("graceDays", 0, 365, "quota.error.grace", false);
        if (note().strip().length() > NOTE_LENGTH) {
            errors.put("note", new FieldMessage("quota.error.note", NOTE_LENGTH, null));
        }
        if (byTier.size() < Tier.values().length || grace == null) {
            return;
        }
        quotas = new VisitQuotas(byTier, grace);
        for (QuotaFinding finding : QuotaConsistency.check(quotas)) {
            String field = finding.field() == QuotaFinding.Field.AT_LEAST_EVERY_DAYS
                    ? minField(finding.tier(), finding.group()) : maxField(finding.tier(), finding.group());
            if (finding.problem() == QuotaFinding.Problem.MAXIMUM_BELOW_MINIMUM) {
                errors.putIfAbsent(field, new FieldMessage("quota.error.maxBelowMinimum", finding.value(),
                        quotas.of(finding.tier()).of(finding.group()).atLeastEveryDays()));
            } else if (finding.value() == null) {
                warnings.putIfAbsent(field, new FieldMessage("quota.warning.laxerThanNone", finding.other(), null));
            } else {
                warnings.putIfAbsent(field, new FieldMessage(
                        "quota.warning.laxer", finding.other(), finding.value()));
            }
        }
    }

    private Cadence cadence(Tier tier, ChannelGroup group) {
        Integer min = number(minField(tier, group), 1, 3650, "quota.error.minDays", true);
        Integer max = number(maxField(tier, group), 1, 1000, "quota.error.maxCount", true);
        if (errors.containsKey(minField(tier, group)) || errors.containsKey(maxField(tier, group))) {
            return null;
        }
        return new Cadence(min, max);
    }

    /** The field as a whole number in [low, high]; null when blank (if allowed) or wrong, with the error kept. */
    private Integer number(String field, int low, int high, String error, boolean blankAllowed) {
        String text = values.get(field).strip();
        if (text.isEmpty()) {
            if (!blankAllowed) {
                errors.put(field, new FieldMessage(error, low, high));
            }
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= low && value <= high) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, new FieldMessage(error, low, high));
        return null;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The checked quotas; only when there are no errors. */
    VisitQuotas quotas() {
        if (hasErrors()) {
            throw new IllegalStateException("form has errors");
        }
        return quotas;
    }

    String note() {
        return values.get("note");
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public FieldMessage error(String field) {
        return errors.get(field);
    }

    public FieldMessage warning(String field) {
        return warnings.get(field);
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }

    public String min(Tier tier, ChannelGroup group) {
        return minField(tier, group);
    }

    public String max(Tier tier, ChannelGroup group) {
        return maxField(tier, group);
    }
}
