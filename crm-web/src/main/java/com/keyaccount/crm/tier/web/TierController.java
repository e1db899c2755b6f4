package com.keyaccount.crm.tier.web;

import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierQueries;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.tier.rules.TierMethod;
import com.keyaccount.crm.user.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Directors and admins: the policy in force, recent recomputes, and "recompute now". */
@Controller
@RequestMapping("/tiers")
@RequiredArgsConstructor
class TierController {

    private final TierQueries tiers;
    private final TierRecompute recompute;

    @GetMapping
    String overview(Model model) {
        return page(model, tiers.policyInForce().orElse(null));
    }

    private String page(Model model, TierPolicy policy) {
        model.addAttribute("methods", TierMethod.values());
        model.addAttribute("policy", policy);
        model.addAttribute("runs", tiers.recentRuns());
        model.addAttribute("running", recompute.isRunning());
        model.addAttribute("progress", recompute.progress().orElse(null));
        return "tiers/overview";
    }

    @PostMapping("/recompute")
    String recompute(Viewer viewer, RedirectAttributes redirect) {
        boolean started = recompute.start("MANUAL", viewer.username());
        redirect.addFlashAttribute("flash", started ? "flash.tiers.started" : "flash.tiers.alreadyRunning");
        return "redirect:/tiers";
    }
}
