package com.keyaccount.crm.prospect.web;

import com.keyaccount.crm.prospect.Prospect;
import com.keyaccount.crm.prospect.application.ProspectService;
import com.keyaccount.crm.prospect.application.ProspectView;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.Formats;
import com.keyaccount.crm.web.LadderText;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * Someone moved or graded the prospect after this user opened it: a 409 page with this user's
 * input beside what is saved now (the app's conflict page), nothing written, and the form again
 * against the current version, so the user re-applies theirs deliberately.
 */
class ProspectConflicts {

    /** A row of the shared comparison fragment ({@code conflict :: comparison}): label is a message key. */
    record Row(String label, String mine, String current, boolean differs) {
        static Row of(String label, String mine, String current) {
            return new Row(label, mine, current, !Objects.equals(mine, current));
        }
    }

    private final ProspectService prospects;
    private final LadderText ladderText;
    private final Formats formats;

    ProspectConflicts(ProspectService prospects, LadderText ladderText, Formats formats) {
        this.prospects = prospects;
        this.ladderText = ladderText;
        this.formats = formats;
    }

    String move(Viewer viewer, long customerId, MoveForm mine, Model model, HttpServletResponse response) {
        ProspectView now = prospects.view(viewer, customerId);
        Prospect row = now.prospect().orElse(null);
        String typedStage = mine.getToStage() == null ? "" : mine.getToStage().strip();
        model.addAttribute("comparison", List.of(
                Row.of("prospect.stage", ladderText.stage(now.ladder(), typedStage),
                        ladderText.stage(now.ladder(), now.stageCode())),
                Row.of("prospect.move.reason", Objects.toString(mine.getReason(), ""), ""),
                Row.of("prospect.move.refusalReason", ladderText.refusalReason(mine.getRefusalReason()),
                        row == null ? "" : ladderText.refusalReason(row.getRefusalReason()))));
        mine.setVersion(now.version());
        return page(now, "move", mine, model, response);
    }

    String grade(Viewer viewer, long customerId, GradeForm mine, Model model, HttpServletResponse response) {
        ProspectView now = prospects.view(viewer, customerId);
        Prospect row = now.prospect().orElse(null);
        model.addAttribute("comparison", List.of(
                Row.of("prospect.grade.closeClass", ladderText.closeClass(mine.getCloseClass()),
                        row == null ? "" : ladderText.closeClass(row.getCloseClass())),
                Row.of("prospect.grade.expectedMonthlyValue", money(mine.getExpectedMonthlyValue()),
                        row == null ? "" : money(row.getExpectedMonthlyValue()))));
        mine.setVersion(now.version());
        return page(now, "grade", mine, model, response);
    }

    private String page(ProspectView now, String kind, Object form, Model model, HttpServletResponse response) {
        model.addAttribute("customer", now.customer());
        model.addAttribute("kind", kind);
        model.addAttribute(kind, form);
        model.addAttribute("stages", now.ladder().stages().stream().map(LadderText::label).toList());
        response.setStatus(HttpStatus.CONFLICT.value());
        return "prospects/conflict";
    }

    private String money(BigDecimal amount) {
        return amount == null ? "" : formats.money(amount);
    }
}
