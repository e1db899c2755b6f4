package com.keyaccount.crm.web;

import com.keyaccount.crm.prospect.ImportedProspects;
import com.keyaccount.crm.tier.rules.Criterion;
import com.keyaccount.crm.tier.rules.Scorecard;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words the seed data stored in English, shown in the reader's language without changing what
 * is stored ({@code ${@seedText.note(v.note)}}): the first tier rules' and visit quotas' note
 * ("SPEC defaults") and the seed scorecard's criterion names ("sales", "payment"). Text a user
 * typed is shown as typed.
 */
@Component("seedText")
public class SeedText {

    /** The note the migrations gave the first tier policy and the first visit quota policy. */
    static final String SEED_NOTE = "SPEC defaults";
    private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    /** The seed's criterion names and the keys of their labels. */
    private static final Map<String, String> CRITERIA = Scorecard.DEFAULT.criteria().stream().map(Criterion::name)
            .collect(Collectors.toMap(Function.identity(), name -> "rules.criterion.seed." + name));

    private final MessageSource messages;

    public SeedText(MessageSource messages) {
        this.messages = messages;
    }

    /** A policy's note, the seed's in the reader's language. */
    public String note(String stored) {
        return SEED_NOTE.equals(stored) ? label("seed.note") : stored;
    }

    /**
     * A prospect stage change's reason: the one an import writes ("imported") in the reader's
     * language, a reason someone typed as typed.
     */
    public String stageReason(String stored) {
        return ImportedProspects.IMPORTED.equals(stored) ? label("cadence.stageReason.imported") : stored;
    }

    /** A criterion's name, the seed's ("sales") as the glossary names it (销售额). */
    public String criterion(String stored) {
        String key = stored == null ? null : CRITERIA.get(stored);
        return key == null ? stored : label(key);
    }

    /**
     * The name to store for a name typed in the rule editor: a seed criterion's label, in either
     * language, is that criterion's stored name again, so opening and saving a draft renames nothing.
     */
    public String criterionToStore(String typed) {
        if (typed == null) {
            return null;
        }
        String stripped = typed.strip();
        for (Map.Entry<String, String> seed : CRITERIA.entrySet()) {
            for (Locale language : LANGUAGES) {
                if (stripped.equalsIgnoreCase(messages.getMessage(seed.getValue(), null, seed.getKey(), language))) {
                    return seed.getKey();
                }
            }
        }
        return stripped;
    }

    /** A scorecard's parts as stored on a customer's tier ("sales=40;payment=30"), readable: 销售额 40 + 回款 30. */
    public String scoreParts(String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        return Arrays.stream(stored.split(";")).map(part -> {
            int equals = part.lastIndexOf('=');
            return equals < 0 ? part : criterion(part.substring(0, equals)) + " " + part.substring(equals + 1);
        }).collect(Collectors.joining(" + "));
    }

    private String label(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
