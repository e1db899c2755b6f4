package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.prospect.Prospect;
import com.keyaccount.crm.prospect.ProspectStageChange;
import com.keyaccount.crm.prospect.ProspectTick;
import com.keyaccount.crm.prospect.rules.PriorityClass;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A prospect as its page shows it: the ladder in force, where it stands (the stage's definition,
 * or only its code when a newer ladder dropped it), what is ticked and what holds, and its history.
 *
 * @param prospect  its row, or empty while it stands at the lead stage untouched
 * @param stageCode where it stands
 * @param met       the keys of every condition that holds today (ticked or seen on the record)
 */
public record ProspectView(long customerId, String customerName, int ladderVersion, ProspectLadder ladder,
        String stageCode, Instant stageSince, Optional<Prospect> prospect, Map<String, ProspectTick> ticks,
        Set<String> met, List<ProspectStageChange> history) {

    public Optional<StageDefinition> stage() {
        return ladder.stage(stageCode);
    }

    /** The version a form must send back to move or grade; {@code null} while there is no row. */
    public Long version() {
        return prospect.map(Prospect::getVersion).orElse(null);
    }

    public PriorityClass priorityClass() {
        return prospect.map(p -> PriorityClass.of(p.getCloseClass(), p.getExpectedMonthlyValue())).orElse(null);
    }

    /** The stages above this one on the way up, lowest first (refusals not). */
    public List<StageDefinition> above() {
        int level = ladder.level(stageCode);
        return ladder.stages().stream()
                .filter(s -> ladder.level(s.code()) > level && s.kind() != com.keyaccount.crm.prospect.rules.StageKind.REFUSAL)
                .toList();
    }
}
