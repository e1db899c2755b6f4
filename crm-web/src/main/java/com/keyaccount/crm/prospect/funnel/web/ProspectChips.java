package com.keyaccount.crm.prospect.funnel.web;

import com.keyaccount.crm.prospect.funnel.ProspectCriteria.Focus;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The list's filters in words, each with the link that takes it away (a chip and its ×). */
final class ProspectChips {

    record Chip(String text, String removeUrl) {
    }

    private ProspectChips() {
    }

    /** @param team null for an account manager, whose list is their own book whatever owner was asked */
    static List<Chip> of(ProspectListQuery q, ProspectWords words, Team team, Formats fmt) {
        List<Chip> chips = new ArrayList<>();
        if (team != null && q.getOwner() != null) {
            chips.add(new Chip(words.text("funnel.chip.owner", team.displayName(q.getOwner())
                    .orElseGet(() -> words.text("funnel.chip.unknownOwner"))), q.without("owner")));
        }
        if (q.getRegion() != null) {
            chips.add(new Chip(words.text("funnel.chip.region", words.region(q.getRegion().name())), q.without("region")));
        }
        if (q.validStage()) {
            chips.add(new Chip(words.text("funnel.chip.stage", words.stage(q.getStage())), q.without("stage")));
        }
        if (q.validClose()) {
            chips.add(new Chip(words.text("funnel.chip.close", words.close(q.getCloseClass())), q.without("closeClass")));
        }
        if (q.validPriority()) {
            chips.add(new Chip(words.text("funnel.chip.priority", words.priority(q.getPriority())),
                    q.without("priority")));
        }
        if (q.validStuck()) {
            chips.add(new Chip(words.text("funnel.chip.stuck", q.getStuckDays()), q.without("stuckDays")));
        }
        if (q.getReason() != null) {
            chips.add(new Chip(words.text("funnel.chip.reason", words.reason(q.getReason())), q.without("reason")));
        }
        if (q.stateOf() != null) {
            chips.add(new Chip(words.state(q.getState()), q.without("state")));
        }
        Focus focus = q.focusOf();
        if (focus != null) {
            chips.add(new Chip(words.text("funnel.chip.focus." + focus.kind().name().toLowerCase(Locale.ROOT),
                    words.stage(focus.stage()), fmt.date(focus.from()), fmt.date(focus.to())), q.without("focus")));
        }
        return chips;
    }
}
