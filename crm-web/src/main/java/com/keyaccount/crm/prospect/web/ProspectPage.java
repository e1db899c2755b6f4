package com.keyaccount.crm.prospect.web;

import com.keyaccount.crm.prospect.application.ProspectView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The prospect page in the reader's words: where the prospect stands, the checklists of its stage
 * and the next (higher stages folded), the four project factors, the choices of the move and grade
 * forms, and the stage history.
 *
 * @param refusal   at the refusal stage: its reason in words, with the note
 * @param next      the next rung up, and the refusal branch where it leaves from here
 * @param higher    the stages beyond the next, folded on the page
 * @param refusalStage the code of the refusal stage, whose move needs the refusal's reason
 */
record ProspectPage(ProspectView view, String stage, LocalDate since, long daysInStage, String refusal, String closeClass,
        String priority, Checklist current, List<Checklist> next, List<Checklist> higher, Checklist project,
        List<Choice> stages, String refusalStage, List<Choice> refusalReasons, List<Choice> contacts,
        boolean hasDecisionMaker, List<Choice> closeClasses, List<HistoryRow> history) {

    /** The conditions of the folded stages: their fold opens when a tick among them comes back with an error. */
    public List<String> higherKeys() {
        return higher.stream().flatMap(c -> c.items().stream()).map(Item::key).toList();
    }

    /** One stage's conditions (or the project factors), and whether they add up. */
    record Checklist(String code, String title, String rule, boolean met, List<Item> items) {
    }

    /**
     * One condition. {@code reading}: what the record shows, for an automatic one; {@code tick}:
     * the confirmation on file; {@code problem}: why a tick on file does not count.
     */
    record Item(String key, String text, boolean met, boolean automatic, boolean decisionMaker, String reading,
            TickShown tick, String problem) {
    }

    record TickShown(LocalDate on, String note, String by, String contact) {
    }

    record Choice(String value, String label) {
    }

    record HistoryRow(Instant at, String by, String from, String to, List<String> conditions, String reason) {
    }
}
