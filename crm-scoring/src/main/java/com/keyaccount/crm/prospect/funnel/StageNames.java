package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stage names in the reader's language ("A08 范围级", "A08 In scope"): the ladder in force's, and
 * for a stage it no longer has, the newest earlier version's that had it.
 */
public final class StageNames {

    private final ProspectLadder ladder;
    private final Map<String, StageDefinition> known = new LinkedHashMap<>();

    /** @param earlier the earlier ladder versions, newest first */
    StageNames(ProspectLadder ladder, List<ProspectLadder> earlier) {
        this.ladder = ladder;
        ladder.stages().forEach(s -> known.put(s.code(), s));
        earlier.forEach(l -> l.stages().forEach(s -> known.putIfAbsent(s.code(), s)));
    }

    public ProspectLadder ladder() {
        return ladder;
    }

    /** The code and the stage's name; a code no version names stands alone. */
    public String label(String code, Locale locale) {
        StageDefinition stage = known.get(code);
        if (stage == null) {
            return code;
        }
        return code + " " + (Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? stage.nameZh() : stage.nameEn());
    }

    /** Whether the ladder in force has the stage. */
    public boolean inLadder(String code) {
        return ladder.stage(code).isPresent();
    }
}
