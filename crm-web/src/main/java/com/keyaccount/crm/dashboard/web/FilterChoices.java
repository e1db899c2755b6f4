package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import org.springframework.ui.Model;

/** What every dashboard page's filter form offers, and the filter it stands for. */
final class FilterChoices {

    private FilterChoices() {
    }

    static void addTo(Model model, Viewer viewer, Team team) {
        model.addAttribute("regions", Region.values());
        model.addAttribute("industries", Industry.values());
        if (viewer.seesOthers()) {
            model.addAttribute("managers", team.accountManagersSeenBy(viewer));
        }
    }

    static DashboardFilter filter(DashboardQuery query, Viewer viewer) {
        return DashboardFilter.of(viewer, query.getRegion(), query.getIndustry(), query.getOwner());
    }
}
