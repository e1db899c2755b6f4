package com.keyaccount.crm.followup.web.admin;

import com.keyaccount.crm.followup.editor.CalendarChanges;
import com.keyaccount.crm.followup.editor.CalendarDrafts;
import com.keyaccount.crm.followup.application.ScheduleRefresh;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.DraftAlreadyOpenException;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.PageNotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins edit the business calendar (holidays, 调休 make-up working days) year by year through
 * one open draft of changes, preview them on live data and publish them together. Confirming
 * a provisional year is an ordinary edit of its days.
 */
@Controller
@RequestMapping("/admin/calendar")
@RequiredArgsConstructor
class CalendarAdminController {

    private final CalendarDrafts drafts;
    private final ScheduleRefresh refresh;
    private final Team team;
    private final Clock clock;
    private final ZoneId businessZone;

    @GetMapping
    String year(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate edit,
            Model model) {
        CalendarDayForm form = new CalendarDayForm();
        Optional<Draft<CalendarChanges>> draft = drafts.openDraft();
        if (edit != null && draft.isPresent()) {
            form = drafts.proposedDay(draft.get().id(), edit).map(CalendarDayForm::of).orElse(form);
        }
        return page(year != null ? year : edit != null ? edit.getYear() : today().getYear(), form, model);
    }

    @PostMapping("/drafts")
    String start(@RequestParam int year, Viewer viewer, RedirectAttributes redirect) {
        try {
            drafts.start(viewer);
            redirect.addFlashAttribute("flash", "flash.calendar.draftStarted");
        } catch (DraftAlreadyOpenException | DataIntegrityViolationException open) {
            redirect.addFlashAttribute("flash", "flash.calendar.draftOpen");
        }
        return "redirect:/admin/calendar?year=" + year;
    }

    @PostMapping("/drafts/{id}/days")
    String put(@PathVariable long id, @ModelAttribute("dayForm") CalendarDayForm form,
            @RequestParam(required = false) Integer year, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        draft(id);
        var day = form.check(date -> drafts.proposedDay(id, date));
        if (day.isEmpty()) {
            model.addAttribute("formHasErrors", true);
            LocalDate typed = parse(form.getDate());
            return page(year != null ? year : typed != null ? typed.getYear() : today().getYear(), form, model);
        }
        drafts.put(viewer, id, day.get());
        redirect.addFlashAttribute("flash", form.isWeekendHoliday() ? "flash.calendar.dayPutWeekend"
                : "flash.calendar.dayPut");
        return "redirect:/admin/calendar?year=" + day.get().day().getYear();
    }

    @PostMapping("/drafts/{id}/days/{day}/remove")
    String remove(@PathVariable long id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Viewer viewer, RedirectAttributes redirect) {
        draft(id);
        drafts.remove(viewer, id, day);
        redirect.addFlashAttribute("flash", "flash.calendar.dayRemoved");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    @PostMapping("/drafts/{id}/days/{day}/undo")
    String undo(@PathVariable long id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Viewer viewer, RedirectAttributes redirect) {
        draft(id);
        drafts.undo(viewer, id, day);
        redirect.addFlashAttribute("flash", "flash.calendar.dayUndone");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    @GetMapping("/drafts/{id}/preview")
    String preview(@PathVariable long id, @RequestParam(required = false) Long manager, Model model) {
        Draft<CalendarChanges> draft = draft(id);
        model.addAttribute("draft", draft);
        model.addAttribute("preview", drafts.preview(draft, manager));
        model.addAttribute("managers", team.accountManagers());
        model.addAttribute("manager", manager);
        return "admin/calendar-preview";
    }

    @PostMapping("/drafts/{id}/publish")
    String publish(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        draft(id);
        drafts.publish(viewer, id);
        redirect.addFlashAttribute("flash", "flash.calendar.published");
        return "redirect:/admin/calendar";
    }

    @PostMapping("/drafts/{id}/discard")
    String discard(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        draft(id);
        drafts.discard(viewer, id);
        redirect.addFlashAttribute("flash", "flash.calendar.discarded");
        return "redirect:/admin/calendar";
    }

    private String page(int year, CalendarDayForm form, Model model) {
        Draft<CalendarChanges> draft = drafts.openDraft().orElse(null);
        model.addAttribute("year", year);
        model.addAttribute("years", drafts.years(today()));
        model.addAttribute("draft", draft);
        model.addAttribute("days", drafts.year(year, draft == null ? null : draft.id()));
        model.addAttribute("dayForm", form);
        model.addAttribute("refreshing", refresh.isRunning());
        return "admin/calendar";
    }

    private Draft<CalendarChanges> draft(long id) {
        return drafts.find(id).orElseThrow(() -> new PageNotFoundException("calendar draft " + id));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
