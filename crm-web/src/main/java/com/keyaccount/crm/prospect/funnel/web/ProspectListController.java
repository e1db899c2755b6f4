package com.keyaccount.crm.prospect.funnel.web;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.funnel.Funnel;
import com.keyaccount.crm.prospect.funnel.Funnels;
import com.keyaccount.crm.prospect.funnel.ProspectList;
import com.keyaccount.crm.prospect.funnel.StageNames;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.Formats;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The prospects behind the funnel's figures, with its filters as chips; each opens the prospect's page. */
@Controller
@RequiredArgsConstructor
class ProspectListController {

    private final ProspectList prospects;
    private final Funnels funnels;
    private final Team team;
    private final MessageSource messages;
    private final Formats fmt;

    @GetMapping("/prospects")
    String list(@ModelAttribute("query") ProspectListQuery query, BindingResult result, Viewer viewer, Locale locale,
            Model model) {
        StageNames names = funnels.names();
        ProspectWords words = new ProspectWords(messages, locale, names);
        model.addAttribute("page", prospects.page(query.criteria(viewer), query.sortKey(), query.descending(),
                query.pageNumber()));
        model.addAttribute("words", words);
        model.addAttribute("chips", ProspectChips.of(query, words, viewer.seesOthers() ? team : null, fmt));
        model.addAttribute("badFilter", result.hasErrors() || query.hasNonsense());
        model.addAttribute("regions", Region.values());
        model.addAttribute("stages", names.ladder().stages());
        model.addAttribute("closeClasses", Funnel.CLOSE_CLASSES);
        model.addAttribute("priorities", Funnel.PRIORITY_CLASSES);
        model.addAttribute("reasons", RefusalReason.values());
        if (viewer.seesOthers()) {
            model.addAttribute("managers", team.accountManagersSeenBy(viewer));
        }
        return "funnel/prospects";
    }
}
