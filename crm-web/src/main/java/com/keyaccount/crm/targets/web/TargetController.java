package com.keyaccount.crm.targets.web;

import com.keyaccount.crm.org.Organisation;
import com.keyaccount.crm.plan.Quarter;
import com.keyaccount.crm.targets.SalesTargets;
import com.keyaccount.crm.targets.TargetPeriod;
import com.keyaccount.crm.targets.TargetRefusedException;
import com.keyaccount.crm.targets.application.TargetBoard;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Targets and growth (考核): the board of a year or quarter for everyone, and the director's form
 * setting each account manager's targets. An unknown period in the address shows this quarter.
 */
@Controller
class TargetController {

    private final TargetBoard board;
    private final SalesTargets targets;
    private final Team team;
    private final Organisation organisation;
    private final Clock clock;
    private final ZoneId zone;

    TargetController(TargetBoard board, SalesTargets targets, Team team, Organisation organisation, Clock clock,
            ZoneId businessZone) {
        this.board = board;
        this.organisation = organisation;
        this.targets = targets;
        this.team = team;
        this.clock = clock;
        this.zone = businessZone;
    }

    @GetMapping("/targets")
    String show(@RequestParam(required = false) String period, Viewer viewer, Model model) {
        TargetPeriod p = period(period);
        model.addAttribute("board", board.of(viewer, p));
        model.addAttribute("maySet", targets.maySet(viewer));
        periods(p, model);
        return "targets/board";
    }

    @GetMapping("/targets/edit")
    String edit(@RequestParam(required = false) String period, Model model) {
        TargetPeriod p = period(period);
        return form(p, TargetForm.of(team.accountManagers(), targets.of(p), organisation.tree(), targets.ofUnits(p)),
                model);
    }

    @PostMapping("/targets")
    String save(@RequestParam(required = false) String period, @Valid @ModelAttribute("form") TargetForm form,
            BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        TargetPeriod p = period(period);
        if (!result.hasErrors()) {
            try {
                targets.set(viewer, p, form.typed(), form.typedUnits());
                redirect.addFlashAttribute("flash", "flash.targets.saved");
                return "redirect:/targets?period=" + p;
            } catch (TargetRefusedException e) {
                e.refusals().forEach(r -> result.rejectValue("rows[" + form.rowOf(r.userId(), r.unit()) + "]." + r.field(),
                        "targets.refused." + r.code()));
            } catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException e) {
                // another director saved this period's targets at the same moment: nothing of this save was kept
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("conflict", true);
            }
        }
        return form(p, form, model);
    }

    private String form(TargetPeriod period, TargetForm form, Model model) {
        model.addAttribute("form", form);
        periods(period, model);
        return "targets/form";
    }

    private void periods(TargetPeriod period, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        model.addAttribute("period", period);
        model.addAttribute("thisQuarter", TargetPeriod.of(Quarter.of(today)));
        model.addAttribute("thisYear", TargetPeriod.year(today.getYear()));
    }

    static TargetPeriod period(String text, Clock clock, ZoneId zone) {
        return TargetPeriod.parse(text)
                .orElseGet(() -> TargetPeriod.of(Quarter.of(LocalDate.now(clock.withZone(zone)))));
    }

    private TargetPeriod period(String text) {
        return period(text, clock, zone);
    }
}
