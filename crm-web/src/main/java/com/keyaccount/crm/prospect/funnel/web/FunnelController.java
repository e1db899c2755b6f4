package com.keyaccount.crm.prospect.funnel.web;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.prospect.funnel.Funnel;
import com.keyaccount.crm.prospect.funnel.Funnels;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The directors' prospect funnel (issue 17): prospects per stage and class, per manager and
 * region, conversion and median days per stage over a period, stuck prospects and the refusal
 * reasons; every figure opens the prospects behind it. An account manager sees their own book.
 */
@Controller
@RequiredArgsConstructor
class FunnelController {

    private final Funnels funnels;
    private final Team team;
    private final MessageSource messages;

    @GetMapping("/prospects/funnel")
    String funnel(@Valid @ModelAttribute("query") FunnelQuery query, BindingResult result, Viewer viewer,
            Locale locale, HttpServletRequest request, Model model) {
        query.settle(funnels.today());
        Funnel funnel = funnels.funnel(query.filter(viewer));
        boolean seesOthers = viewer.seesOthers();
        ProspectWords words = new ProspectWords(messages, locale, funnel.names());
        FunnelLinks links = new FunnelLinks(request.getContextPath(), funnel.filter(), seesOthers);
        model.addAttribute("funnel", funnel);
        model.addAttribute("words", words);
        model.addAttribute("links", links);
        model.addAttribute("chart", FunnelChart.of(funnel, words, links));
        model.addAttribute("badFilter", result.hasErrors());
        model.addAttribute("regions", Region.values());
        model.addAttribute("closeClasses", Funnel.CLOSE_CLASSES);
        model.addAttribute("priorities", Funnel.PRIORITY_CLASSES);
        if (seesOthers) {
            model.addAttribute("managers", team.accountManagersSeenBy(viewer));
        }
        return "funnel/funnel";
    }
}
