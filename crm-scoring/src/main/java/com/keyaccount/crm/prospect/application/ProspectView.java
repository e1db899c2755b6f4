package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.prospect.Prospect;
import com.keyaccount.crm.prospect.ProspectStageChange;
import com.keyaccount.crm.prospect.ProspectTick;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.PriorityClass;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.scoring.prospect.ProspectFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A prospect as its page shows it: the ladder in force, where it stands (the stage's definition,
 * or only its code when a newer ladder dropped it), what is ticked and what holds, what the record
 * shows for the automatic conditions, the customer's contacts, and its history.
 *
 * @param customer  the customer, as the viewer may see it
 * @param prospect  its row, or empty while it stands at the lead stage untouched
 * @param stageCode where it stands
 * @param met       the keys of every condition that holds today (ticked or seen on the record)
 * @param facts     what the record shows for the automatic conditions
 * @param contacts  the customer's contacts, by name (a decision-maker condition names one)
 */
public record ProspectView(Customer customer, int ladderVersion, ProspectLadder ladder, String stageCode,
        Instant stageSince, Optional<Prospect> prospect, Map<String, ProspectTick> ticks, Set<String> met,
        ProspectFacts facts, List<Contact> contacts, List<ProspectStageChange> history) {

    public long customerId() {
        return customer.getId();
    }

    public String customerName() {
        return customer.getName();
    }

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
                .filter(s -> ladder.level(s.code()) > level && s.kind() != StageKind.REFUSAL)
                .toList();
    }

    /** The next rung up, if any. */
    public Optional<StageDefinition> next() {
        return above().stream().findFirst();
    }

    /**
     * The refusal branch (A31) when it leaves from where the prospect stands (A08 → A07 or A31),
     * else empty: the other way on from here.
     */
    public Optional<StageDefinition> refusalBranch() {
        return ladder.ofKind(StageKind.REFUSAL)
                .filter(r -> !r.code().equals(stageCode) && ladder.level(r.code()) == ladder.level(stageCode));
    }

    /** 立项四要素: every project factor is ticked (a ladder without factors has no projects). */
    public boolean project() {
        return !ladder.projectFactors().isEmpty()
                && ladder.projectFactors().stream().map(LadderCondition::key).allMatch(met::contains);
    }

    public Optional<Contact> contact(Long contactId) {
        return contacts.stream().filter(c -> Objects.equals(c.getId(), contactId)).findFirst();
    }
}
