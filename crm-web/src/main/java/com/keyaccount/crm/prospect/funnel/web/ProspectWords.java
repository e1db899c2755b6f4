package com.keyaccount.crm.prospect.funnel.web;

import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.funnel.StageNames;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The funnel's codes in the reader's language, for its pages and files alike: stages by the
 * ladder's names, classes, refusal reasons, regions and where a prospect is on its way.
 */
public final class ProspectWords {

    private final MessageSource messages;
    private final Locale locale;
    private final StageNames names;

    ProspectWords(MessageSource messages, Locale locale, StageNames names) {
        this.messages = messages;
        this.locale = locale;
        this.names = names;
    }

    public String stage(String code) {
        return code == null ? "" : names.label(code, locale);
    }

    /** "A" … "E" or "none". */
    public String close(String key) {
        return key == null ? "" : text("funnel.close." + key);
    }

    /** "A" … "D" or "none". */
    public String priority(String key) {
        return key == null ? "" : text("funnel.priority." + key);
    }

    public String reason(RefusalReason reason) {
        return reason == null ? "" : text("funnel.reason." + reason.name());
    }

    public String region(String key) {
        return key == null ? "" : messages.getMessage("region." + key, null, key, locale);
    }

    /** open, refused, won */
    public String state(String key) {
        return text("funnel.state." + key);
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
