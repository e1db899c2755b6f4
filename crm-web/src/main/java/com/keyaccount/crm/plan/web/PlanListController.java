package com.keyaccount.crm.plan.web;

import com.keyaccount.crm.plan.AccountPlans;
import com.keyaccount.crm.plan.Quarter;
import com.keyaccount.crm.plan.application.PlanBoard;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The quarter's account plans: a manager's top-tier accounts with their plans' states, a
 * director's whole book with the plans waiting for a decision first. An unknown quarter or state
 * in the address shows the current quarter, all states.
 */
@Controller
class PlanListController {

    private final PlanBoard board;
    private final AccountPlans plans;
    private final Team team;

    PlanListController(PlanBoard board, AccountPlans plans, Team team) {
        this.board = board;
        this.plans = plans;
        this.team = team;
    }

    @GetMapping("/plans")
    String list(@RequestParam(required = false) String quarter, @RequestParam(required = false) String shown,
            @RequestParam(required = false) Long owner, @RequestParam(defaultValue = "0") String page, Viewer viewer,
            Model model) {
        Quarter q = Quarter.parse(quarter).orElseGet(plans::currentQuarter);
        PlanBoard.Shown s = shown(shown);
        model.addAttribute("quarter", q);
        model.addAttribute("current", plans.currentQuarter());
        model.addAttribute("shown", s);
        Long book = viewer.seesOthers() ? owner : null;
        model.addAttribute("owner", book);
        if (viewer.seesOthers()) {
            model.addAttribute("managers", team.accountManagersSeenBy(viewer));
        }
        model.addAttribute("board", board.page(viewer, q, s, book, number(page)));
        model.addAttribute("states", PlanBoard.Shown.values());
        return "plans/list";
    }

    static PlanBoard.Shown shown(String text) {
        for (PlanBoard.Shown s : PlanBoard.Shown.values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        return PlanBoard.Shown.ALL;
    }

    private static int number(String text) {
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
