package com.keyaccount.crm.survey;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One question of a questionnaire, worded in both languages.
 *
 * @param recommend the 0–10 "would you recommend us" question that NPS is computed from
 */
public record Question(QuestionKind kind, String textZh, String textEn, boolean recommend) {

    public static final int MAX_TEXT = 300;

    /** The wording for the reader: English for English readers, Chinese otherwise. */
    public String text(Locale locale) {
        return "en".equals(locale.getLanguage()) && textEn != null && !textEn.isBlank() ? textEn : textZh;
    }

    List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (kind == null) {
            found.add(Violation.of("kind", "required"));
        }
        text(found, "textZh", textZh);
        text(found, "textEn", textEn);
        if (recommend && kind != QuestionKind.SCALE_10) {
            found.add(Violation.of("recommend", "recommendScale"));
        }
        return found;
    }

    private static void text(List<Violation> found, String path, String text) {
        if (text == null || text.isBlank()) {
            found.add(Violation.of(path, "required"));
        } else if (text.length() > MAX_TEXT) {
            found.add(Violation.of(path, "tooLong", MAX_TEXT));
        }
    }
}
