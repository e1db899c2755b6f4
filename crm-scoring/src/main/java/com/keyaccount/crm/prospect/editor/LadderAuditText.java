package com.keyaccount.crm.prospect.editor;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A ladder as the audit log shows it: one readable value per part, so that "old → new" says what
 * a publication changed without decoding JSON. A stage's parts are named after its code
 * ({@code stage[A05].nameZh}); coded values (kind, requirement, evidence, industries) are stored
 * as codes, which the audit log puts in the reader's words, and texts in both languages as typed.
 */
final class LadderAuditText {

    /** The audit columns' width. */
    static final int LONGEST_VALUE = 2000;

    /** One part that differs. */
    record Change(String field, String before, String after) {
    }

    private LadderAuditText() {
    }

    static List<Change> changes(ProspectLadder before, ProspectLadder after) {
        Map<String, String> old = fields(before);
        Map<String, String> now = fields(after);
        Set<String> parts = new LinkedHashSet<>(old.keySet());
        parts.addAll(now.keySet());
        List<Change> changes = new ArrayList<>();
        for (String part : parts) {
            if (!Objects.equals(old.get(part), now.get(part))) {
                changes.add(new Change(part, old.get(part), now.get(part)));
            }
        }
        return changes;
    }

    static Map<String, String> fields(ProspectLadder ladder) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("stages", ladder.stages().stream().map(StageDefinition::code).collect(Collectors.joining(", ")));
        for (StageDefinition s : ladder.stages()) {
            String at = "stage[" + s.code() + "].";
            fields.put(at + "nameZh", s.nameZh());
            fields.put(at + "nameEn", s.nameEn());
            fields.put(at + "kind", s.kind() == null ? null : s.kind().name());
            fields.put(at + "requirement", s.requirement().name());
            conditions(fields, at + "conditionsZh", at + "conditionsEn", at + "evidence", s.conditions());
        }
        conditions(fields, "projectFactorsZh", "projectFactorsEn", "projectFactorEvidence", ladder.projectFactors());
        fields.put("targetIndustries", Arrays.stream(Industry.values()).filter(ladder.targetIndustries()::contains)
                .map(Industry::name).collect(Collectors.joining(", ")));
        fields.put("minAnnualSales", ladder.minAnnualSales() == null ? null
                : ladder.minAnnualSales().stripTrailingZeros().toPlainString());
        for (CloseClass c : CloseClass.values()) {
            fields.put("cadenceDays[" + c + "]", Integer.toString(ladder.cadenceDays(c)));
        }
        return fields;
    }

    /** Empty lists leave their parts out, so that a stage without conditions adds no empty rows. */
    private static void conditions(Map<String, String> fields, String zh, String en, String evidence,
            List<LadderCondition> conditions) {
        if (conditions.isEmpty()) {
            return;
        }
        fields.put(zh, numbered(conditions, LadderCondition::textZh));
        fields.put(en, numbered(conditions, LadderCondition::textEn));
        fields.put(evidence, clip(conditions.stream().map(c -> c.evidence().name()).collect(Collectors.joining(", "))));
    }

    private static String numbered(List<LadderCondition> conditions, Function<LadderCondition, String> text) {
        return clip(IntStream.range(0, conditions.size())
                .mapToObj(i -> (i + 1) + ". " + text.apply(conditions.get(i))).collect(Collectors.joining("; ")));
    }

    private static String clip(String value) {
        return value.length() <= LONGEST_VALUE ? value : value.substring(0, LONGEST_VALUE - 1) + "…";
    }
}
