package com.keyaccount.crm.followup.web.admin;

import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.CadenceBasis;
import com.keyaccount.crm.followup.rules.ZoneQuotas;
import com.keyaccount.crm.followup.rules.ChannelGroup;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.web.PlainText;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quota editor's fields as typed: per tier and channel group "at least every N days" and
 * "at most M per 30 days" (blank: none), the upgrade grace and a note. The form reads the
 * numbers; what is wrong with them, alone or as a set, the quotas say themselves
 * ({@link VisitQuotas#violations()}, {@link VisitQuotas#warnings()}), and the form shows each
 * next to its field. Errors block saving, warnings do not.
 */
public final class QuotaForm {

    static final int NOTE_LENGTH = 500;
    private static final String GRACE = "graceDays";
    private static final String FOLLOWS = "follows";
    /** The nine-grid zones with visit quotas of their own, as their fields name them. */
    private static final List<String> ZONES = List.of("red", "yellow");
    /** Violation paths to field names. */
    private static final Map<String, String> FIELDS = new HashMap<>();

    static {
        for (Tier tier : Tier.values()) {
            for (ChannelGroup group : ChannelGroup.values()) {
                FIELDS.put(VisitQuotas.path(tier, group, "atLeastEveryDays"), minField(tier, group));
                FIELDS.put(VisitQuotas.path(tier, group, "atMostPer30Days"), maxField(tier, group));
            }
        }
        FIELDS.put("upgradeGraceDays", GRACE);
        for (String zone : ZONES) {
            FIELDS.put("zones." + zone + ".atLeastEveryDays", "min_zone_" + zone);
            FIELDS.put("zones." + zone + ".atMostPer30Days", "max_zone_" + zone);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, FieldMessage> errors = new HashMap<>();
    private final Map<String, FieldMessage> warnings = new HashMap<>();
    private VisitQuotas quotas;

    private static boolean lowerTierField(String field) {
        return field.contains("_" + Tier.D + "_") || field.contains("_" + Tier.E + "_");
    }

    static String minField(Tier tier, ChannelGroup group) {
        return "min_" + tier + "_" + group;
    }

    static String maxField(Tier tier, ChannelGroup group) {
        return "max_" + tier + "_" + group;
    }

    /** The draft's quotas for the {@code tiers} of the ladder in force (the page shows those). */
    static QuotaForm of(Draft<VisitQuotas> draft, List<Tier> tiers) {
        QuotaForm form = new QuotaForm();
        for (Tier tier : tiers) {
            for (ChannelGroup group : ChannelGroup.values()) {
                Cadence c = draft.content().of(tier).of(group);
                form.values.put(minField(tier, group), c.atLeastEveryDays() == null ? "" : c.atLeastEveryDays().toString());
                form.values.put(maxField(tier, group), c.atMostPer30Days() == null ? "" : c.atMostPer30Days().toString());
            }
        }
        form.values.put(GRACE, Integer.toString(draft.content().upgradeGraceDays()));
        ZoneQuotas zones = draft.content().zones();
        form.putZone("red", zones.red());
        form.putZone("yellow", zones.yellow());
        form.values.put(FOLLOWS, draft.content().follows().name());
        form.values.put("note", draft.note() == null ? "" : draft.note());
        form.values.put("draftVersion", Long.toString(draft.version()));
        form.check();
        return form;
    }

    /** What was posted, kept as typed, and checked. */
    static QuotaForm posted(Map<String, String> params) {
        QuotaForm form = new QuotaForm();
        // a fourth or fifth tier's fields are only on the page when the ladder has that tier
        FIELDS.values().stream().filter(field -> params.containsKey(field) || !lowerTierField(field))
                .forEach(field -> form.values.put(field, params.getOrDefault(field, "")));
        form.values.put("note", params.getOrDefault("note", ""));
        form.values.put("draftVersion", params.getOrDefault("draftVersion", ""));
        form.values.put(FOLLOWS, params.getOrDefault(FOLLOWS, ""));
        form.check();
        return form;
    }

    private void check() {
        Map<Tier, TierCadence> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            if (!values.containsKey(minField(tier, ChannelGroup.ANY_CONTACT))) {
                continue; // not on the page: the quota set's default for that tier stands
            }
            byTier.put(tier, new TierCadence(cadence(tier, ChannelGroup.ANY_CONTACT),
                    cadence(tier, ChannelGroup.ON_SITE_VISIT)));
        }
        Integer grace = number(GRACE, false);
        ZoneQuotas zones = new ZoneQuotas(zoneCadence("red"), zoneCadence("yellow"));
        CadenceBasis follows = follows();
        boolean readable = errors.isEmpty();
        if (note().strip().length() > NOTE_LENGTH) {
            errors.put("note", new FieldMessage("quota.error.note", NOTE_LENGTH, null));
        } else if (!ControlCharacters.absentFrom(note(), false)) {
            errors.put("note", FieldMessage.of(PlainText.CODE));
        }
        if (!readable) {
            return;
        }
        quotas = new VisitQuotas(byTier, grace, zones, follows);
        for (Violation v : quotas.violations()) {
            String field = FIELDS.get(v.path());
            errors.putIfAbsent(field, message(field, v, "quota.error."));
        }
        int tiers = (int) Arrays.stream(Tier.values())
                .filter(t -> values.containsKey(minField(t, ChannelGroup.ANY_CONTACT))).count();
        for (Violation v : quotas.warnings(tiers)) {
            warnings.putIfAbsent(FIELDS.get(v.path()), message(FIELDS.get(v.path()), v, "quota.warning."));
        }
    }

    /** A number out of range reads as the field's own message, the one for text that is no number. */
    private static FieldMessage message(String field, Violation v, String prefix) {
        String code = v.code().equals(Violation.MIN) || v.code().equals(Violation.MAX) ? numberMessage(field)
                : prefix + v.code();
        return new FieldMessage(code, v.args().get(0), v.args().size() > 1 ? v.args().get(1) : null);
    }

    private static String numberMessage(String field) {
        return field.equals(GRACE) ? "quota.error.grace"
                : field.startsWith("min_") ? "quota.error.minDays" : "quota.error.maxCount";
    }

    private void putZone(String zone, Cadence cadence) {
        values.put("min_zone_" + zone, cadence.atLeastEveryDays() == null ? "" : cadence.atLeastEveryDays().toString());
        values.put("max_zone_" + zone, cadence.atMostPer30Days() == null ? "" : cadence.atMostPer30Days().toString());
    }

    private Cadence zoneCadence(String zone) {
        return new Cadence(number("min_zone_" + zone, true), number("max_zone_" + zone, true));
    }

    /** What the visit cadence follows; anything but a listed choice is an error beside the choice. */
    private CadenceBasis follows() {
        try {
            return CadenceBasis.valueOf(values.get(FOLLOWS).strip());
        } catch (IllegalArgumentException e) {
            errors.put(FOLLOWS, FieldMessage.of("quota.error.follows"));
            return null;
        }
    }

    private Cadence cadence(Tier tier, ChannelGroup group) {
        return new Cadence(number(minField(tier, group), true), number(maxField(tier, group), true));
    }

    /** The field as a whole number; null when blank (if allowed) or no number, with the error kept. */
    private Integer number(String field, boolean blankAllowed) {
        String text = values.get(field).strip();
        if (text.isEmpty() && blankAllowed) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.put(field, unreadable(field));
            return null;
        }
    }

    /** The field's message states the range it takes. */
    private static FieldMessage unreadable(String field) {
        if (field.equals(GRACE)) {
            return new FieldMessage(numberMessage(field), 0, VisitQuotas.LONGEST_GRACE_DAYS);
        }
        return new FieldMessage(numberMessage(field), 1,
                field.startsWith("min_") ? Cadence.LONGEST_INTERVAL_DAYS : Cadence.MOST_PER_30_DAYS);
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

    /** The draft version the form was filled in from; null when it does not say. */
    Long seenVersion() {
        try {
            return Long.valueOf(values.get("draftVersion").strip());
        } catch (NumberFormatException e) {
            return null;
        }
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

    public List<String> zones() {
        return ZONES;
    }

    public List<CadenceBasis> followChoices() {
        return List.of(CadenceBasis.values());
    }
}
