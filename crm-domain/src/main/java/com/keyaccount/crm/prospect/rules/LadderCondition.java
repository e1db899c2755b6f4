package com.keyaccount.crm.prospect.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing a salesperson must be able to confirm. The key is stable across ladder versions
 * (ticks are stored by it); the texts are what the checklist shows, in Chinese and English.
 */
public record LadderCondition(String key, String textZh, String textEn, Evidence evidence) {

    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{1,39}");
    public static final int LONGEST_TEXT = 300;

    public LadderCondition {
        evidence = Objects.requireNonNullElse(evidence, Evidence.TICK);
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            found.add(Violation.of("key", "conditionKey"));
        }
        text(found, "textZh", textZh);
        text(found, "textEn", textEn);
        return found;
    }

    static void text(List<Violation> found, String path, String text) {
        if (text == null || text.isBlank()) {
            found.add(Violation.of(path, "required"));
        } else if (text.length() > LONGEST_TEXT) {
            found.add(Violation.of(path, "tooLong", LONGEST_TEXT));
        }
    }
}
