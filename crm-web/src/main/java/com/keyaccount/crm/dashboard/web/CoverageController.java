package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.attainment.application.Coverages;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Coverage: overdue follow-ups and customers without contact, per manager and per tier, beside attainment. */
@Controller
@RequiredArgsConstructor
class CoverageController {

    static final List<Integer> WINDOWS = List.of(30, 90, 180, 365);

    private final Coverages coverages;
    private final Team team;

    @GetMapping("/dashboard/coverage")
    String coverage(@ModelAttribute("query") DashboardQuery query, BindingResult result,
            @RequestParam(defaultValue = "90") int days, Viewer viewer, Model model) {
        int window = WINDOWS.contains(days) ? days : 90;
        model.addAttribute("coverage", coverages.of(FilterChoices.filter(query, viewer), window));
        model.addAttribute("windows", WINDOWS);
        model.addAttribute("badFilter", result.hasErrors() || window != days);
        FilterChoices.addTo(model, viewer, team);
        return "dashboard/coverage";
    }
}
