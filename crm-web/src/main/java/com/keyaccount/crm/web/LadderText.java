package com.keyaccount.crm.web;

import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.application.ProspectLadders;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The prospect ladder's words in the reader's language ({@code ${@ladderText.stage(code)}}): a
 * stage as "A05 意向级" / "A05 Intent", a condition by its text, a close-time class with its
 * follow-up cadence, a refusal reason. Stage and condition names are the ladder's data, so a code
 * is looked up in the ladder in force, then in the seed's (a stage a newer ladder dropped keeps
 * its name), and only a code found in neither is shown as stored. The ladder is read once per
 * request, however many audit rows ask.
 */
@Component("ladderText")
public class LadderText {

    private static final String IN_FORCE = LadderText.class.getName() + ".inForce";

    private final ProspectLadders ladders;
    private final MessageSource messages;

    public LadderText(ProspectLadders ladders, MessageSource messages) {
        this.ladders = ladders;
        this.messages = messages;
    }

    public static boolean chinese() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** "A05 意向级"; a code no ladder knows as stored. */
    public String stage(String code) {
        return stage(inForce(), code);
    }

    public String stage(ProspectLadder ladder, String code) {
        if (code == null) {
            return "";
        }
        return ladder.stage(code).or(() -> SeedLadder.ladder().stage(code)).map(LadderText::label).orElse(code);
    }

    public static String label(StageDefinition stage) {
        return stage.code() + " " + (chinese() ? stage.nameZh() : stage.nameEn());
    }

    /** A condition's text; a key no ladder knows as stored. */
    public String condition(String key) {
        return condition(inForce(), key);
    }

    public String condition(ProspectLadder ladder, String key) {
        if (key == null) {
            return "";
        }
        return ladder.condition(key).or(() -> SeedLadder.ladder().condition(key)).map(LadderText::text).orElse(key);
    }

    public static String text(LadderCondition condition) {
        return chinese() ? condition.textZh() : condition.textEn();
    }

    /** "B — closes within 3 months": the class alone, in the words of My day and the contact-log form. */
    public String closeClass(CloseClass closeClass) {
        return closeClass == null ? ""
                : message("cadence.closeClass.option", closeClass.name(), message("cadence.closeClass." + closeClass.name()));
    }

    /** "B — closes within 3 months, every 7 days": with the rhythm the ladder in force gives it. */
    public String closeClassWithRhythm(CloseClass closeClass) {
        return closeClassWithRhythm(inForce(), closeClass);
    }

    public String closeClassWithRhythm(ProspectLadder ladder, CloseClass closeClass) {
        return closeClass == null ? ""
                : message("prospect.closeClass.withRhythm", closeClass(closeClass), ladder.cadenceDays(closeClass));
    }

    public String refusalReason(RefusalReason reason) {
        return reason == null ? "" : message("prospect.refusal." + reason.name());
    }

    /** The ladder in force, read once per request. */
    public ProspectLadder inForce() {
        return memo(IN_FORCE, () -> ladders.inForce().ladder());
    }

    /** A ladder version (the one a move was made under), read once per request; the one in force if gone. */
    public ProspectLadder version(int version) {
        Map<Integer, ProspectLadder> versions = memo(IN_FORCE + ".versions", HashMap::new);
        return versions.computeIfAbsent(version, v -> ladders.version(v).orElseGet(this::inForce));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    @SuppressWarnings("unchecked")
    private static <T> T memo(String name, Supplier<T> read) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read.get();
        }
        Object kept = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (kept == null) {
            kept = read.get();
            request.setAttribute(name, kept, RequestAttributes.SCOPE_REQUEST);
        }
        return (T) kept;
    }

    /** For a caller that holds a stage code that may be gone: its definition in the ladder or the seed's. */
    public Optional<StageDefinition> definition(ProspectLadder ladder, String code) {
        return ladder.stage(code).or(() -> SeedLadder.ladder().stage(code));
    }
}
