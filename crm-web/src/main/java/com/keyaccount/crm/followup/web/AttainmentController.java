package com.keyaccount.crm.followup.web;

import com.keyaccount.crm.attainment.application.Attainments;
import com.keyaccount.crm.duty.application.DutyAttainment;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** 达成率: contacts required by the quotas vs contacts made, for a period. */
@Controller
@RequiredArgsConstructor
class AttainmentController {

    private final Attainments attainments;
    /** The duties per role measured over the same period (issue 19). */
    private final DutyAttainment dutyAttainment;
    private final Team team;
    private final Clock clock;
    private final ZoneId businessZone;

    @GetMapping("/attainment")
    String attainment(@Valid @ModelAttribute("query") AttainmentQuery query, BindingResult result,
            Viewer viewer, Model model) {
        if (query.getFrom() == null && !result.hasFieldErrors("from") && query.getTo() != null) {
            result.rejectValue("from", "NotNull");
        }
        if (query.getTo() == null && !result.hasFieldErrors("to") && query.getFrom() != null) {
            result.rejectValue("to", "NotNull");
        }
        if (query.getFrom() == null && query.getTo() == null && !result.hasFieldErrors()) {
            AttainmentQuery defaults = AttainmentQuery.monthToDate(LocalDate.now(clock.withZone(businessZone)));
            defaults.setManager(query.getManager());
            defaults.setVerifiedOnly(query.isVerifiedOnly());
            return show(defaults, viewer, model);
        }
        if (result.hasErrors()) {
            managers(viewer, model);
            return "followup/attainment";
        }
        return show(query, viewer, model);
    }

    private String show(AttainmentQuery query, Viewer viewer, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("report", attainments.report(viewer, query.getFrom(), query.getTo(),
                query.getManager(), query.isVerifiedOnly()));
        model.addAttribute("duties", dutyAttainment.of(viewer, query.getFrom(), query.getTo(), query.getManager()));
        managers(viewer, model);
        return "followup/attainment";
    }

    private void managers(Viewer viewer, Model model) {
        if (viewer.seesOthers()) {
            model.addAttribute("managers", team.accountManagersSeenBy(viewer));
        }
    }
}
