package com.keyaccount.crm.prospect.web;

import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.application.ProspectService;
import com.keyaccount.crm.prospect.application.ProspectView;
import com.keyaccount.crm.prospect.application.StageMoveRefusedException;
import com.keyaccount.crm.prospect.application.StaleProspectException;
import com.keyaccount.crm.prospect.application.TickRejectedException;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.scoring.prospect.MoveDecision;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.Formats;
import com.keyaccount.crm.web.LadderText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page an account manager works a prospect in: its checklists, ticks, moves and grade. Every
 * request first looks the prospect up as the viewer may see it, so another manager's prospect is
 * the same 404 as a missing one on the page and on every form.
 */
@Controller
@RequestMapping("/customers/{customerId}/prospect")
class ProspectController {

    /**
     * Where a page lands after a move or grade: its forms post to their own anchor (so an error
     * shows where it was typed), which a redirect without one would inherit.
     */
    private static final String STANDING = "#standing";

    private final ProspectService prospects;
    private final ProspectPages pages;
    private final ProspectConflicts conflicts;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId businessZone;

    ProspectController(ProspectService prospects, LadderText ladderText, Formats formats, Team team,
            MessageSource messages, Clock clock, ZoneId businessZone) {
        this.prospects = prospects;
        this.pages = new ProspectPages(ladderText, formats, messages, team, businessZone);
        this.conflicts = new ProspectConflicts(prospects, ladderText, formats);
        this.messages = messages;
        this.clock = clock;
        this.businessZone = businessZone;
    }

    @GetMapping
    String show(@PathVariable long customerId, Viewer viewer, Model model) {
        return page(prospects.view(viewer, customerId), model);
    }

    @PostMapping("/ticks")
    String tick(@PathVariable long customerId, @Valid @ModelAttribute("tick") TickForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        ProspectView view = prospects.view(viewer, customerId);
        if (form.getConfirmedOn() != null && form.getConfirmedOn().isAfter(today())) {
            result.rejectValue("confirmedOn", "PastOrPresent");
        }
        if (!result.hasErrors()) {
            try {
                prospects.tick(viewer, customerId, form.toCommand());
                redirect.addFlashAttribute("flash", "flash.prospect.ticked");
                return "redirect:/customers/" + customerId + "/prospect#c-" + form.getConditionKey();
            } catch (TickRejectedException e) {
                switch (e.why()) {
                    case UNKNOWN_CONDITION -> result.rejectValue("conditionKey", "prospect.tick.unknown");
                    case AUTOMATIC -> result.rejectValue("conditionKey", "prospect.tick.automatic");
                    case CONTACT_REQUIRED -> result.rejectValue("contactId", "prospect.tick.contactRequired");
                    case FUTURE_DATE -> result.rejectValue("confirmedOn", "PastOrPresent");
                    case NOTE_INVALID -> result.rejectValue("note", "PlainText");
                }
            }
        }
        model.addAttribute("tickErrors", errors(result));
        model.addAttribute("tickTyped", typed(result, "confirmedOn", "note", "contactId"));
        return page(view, model);
    }

    @PostMapping("/ticks/{conditionKey}/delete")
    String untick(@PathVariable long customerId, @PathVariable String conditionKey, Viewer viewer,
            RedirectAttributes redirect) {
        prospects.untick(viewer, customerId, conditionKey);
        redirect.addFlashAttribute("flash", "flash.prospect.unticked");
        return "redirect:/customers/" + customerId + "/prospect"
                + (LadderCondition.KEY.matcher(conditionKey).matches() ? "#c-" + conditionKey : "");
    }

    @PostMapping("/move")
    String move(@PathVariable long customerId, @Valid @ModelAttribute("move") MoveForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ProspectView view = prospects.view(viewer, customerId);
        if (result.hasFieldErrors("version")) {
            return conflicts.move(viewer, customerId, form, model, response);
        }
        String refusalStage = view.ladder().ofKind(StageKind.REFUSAL).map(StageDefinition::code).orElse(null);
        boolean toRefusal = form.getToStage() != null && form.getToStage().strip().equals(refusalStage);
        if (toRefusal && !result.hasFieldErrors("refusalReason") && form.getRefusalReason() == null) {
            result.rejectValue("refusalReason", "prospect.move.refusalReasonRequired");
        }
        if (toRefusal && form.getRefusalReason() == RefusalReason.OTHER
                && (form.getRefusalNote() == null || form.getRefusalNote().isBlank())) {
            result.rejectValue("refusalNote", "prospect.move.refusalNoteRequired");
        }
        if (!result.hasErrors()) {
            try {
                prospects.move(viewer, customerId, form.toCommand(toRefusal));
                redirect.addFlashAttribute("flash", "flash.prospect.moved");
                return "redirect:/customers/" + customerId + "/prospect" + STANDING;
            } catch (StageMoveRefusedException e) {
                explain(e.refused(), toRefusal, result, model);
            } catch (StaleProspectException | ConcurrencyFailureException | DataIntegrityViolationException e) {
                return conflicts.move(viewer, customerId, form, model, response);
            }
        }
        return page(view, model);
    }

    @PostMapping("/grade")
    String grade(@PathVariable long customerId, @Valid @ModelAttribute("grade") GradeForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ProspectView view = prospects.view(viewer, customerId);
        if (result.hasFieldErrors("version")) {
            return conflicts.grade(viewer, customerId, form, model, response);
        }
        if (!result.hasErrors()) {
            try {
                prospects.grade(viewer, customerId, form.toCommand());
                redirect.addFlashAttribute("flash", "flash.prospect.graded");
                return "redirect:/customers/" + customerId + "/prospect" + STANDING;
            } catch (StaleProspectException | ConcurrencyFailureException | DataIntegrityViolationException e) {
                return conflicts.grade(viewer, customerId, form, model, response);
            }
        }
        return page(view, model);
    }

    /** A refused move, beside the form: what is wrong, and per stage the conditions still missing. */
    private void explain(MoveDecision.Refused refused, boolean toRefusal, BindingResult result, Model model) {
        switch (refused.refusal()) {
            case UNKNOWN_STAGE -> result.rejectValue("toStage", "prospect.move.unknownStage");
            case SAME_STAGE -> result.rejectValue("toStage", "prospect.move.sameStage");
            case REASON_REQUIRED -> result.rejectValue(toRefusal ? "refusalReason" : "reason",
                    toRefusal ? "prospect.move.refusalReasonRequired" : "prospect.move.reasonRequired");
            case CONDITIONS_MISSING, ALREADY_WON -> result.rejectValue("toStage", "prospect.move.conditionsMissing");
        }
        model.addAttribute("missing", refused.missing().stream()
                .map(m -> new Missing(LadderText.label(m.stage()), m.conditions().stream().map(LadderText::text).toList()))
                .toList());
    }

    /** A stage of a refused move and the texts of its conditions that are not met. */
    record Missing(String stage, List<String> conditions) {
    }

    private String page(ProspectView view, Model model) {
        LocalDate today = today();
        model.addAttribute("p", pages.of(view, today));
        model.addAttribute("customer", view.customer());
        model.addAttribute("today", today);
        if (!model.containsAttribute("tick")) {
            model.addAttribute("tick", TickForm.on(today));
        }
        if (!model.containsAttribute("move")) {
            model.addAttribute("move", MoveForm.at(view.version()));
        }
        if (!model.containsAttribute("grade")) {
            model.addAttribute("grade", GradeForm.of(view.prospect()));
        }
        return "prospects/page";
    }

    private Map<String, String> errors(BindingResult result) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), messages.getMessage(error, LocaleContextHolder.getLocale()));
        }
        return errors;
    }

    /** What was typed, as typed (a date that could not be read too), to show it back. */
    private static Map<String, String> typed(BindingResult result, String... fields) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = result.getFieldValue(field);
            typed.put(field, value == null ? "" : value.toString());
        }
        return typed;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }
}
