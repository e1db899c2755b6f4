package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import org.springframework.ui.Model;

/** What every dashboard page's filter form offers, and the filter it stands for. */
final class FilterChoices {

    private FilterChoices() {
    }

    static void addTo(Model model, Viewer viewer, AppUserRepository users) {
        model.addAttribute("regions", Region.values());
        model.addAttribute("industries", Industry.values());
        if (viewer.role().seesAllCustomers()) {
            model.addAttribute("managers", users.findByRoleAndEnabledTrueOrderByDisplayName(Role.ACCOUNT_MANAGER));
        }
    }

    static DashboardFilter filter(DashboardQuery query, Viewer viewer) {
        return DashboardFilter.of(viewer, query.getRegion(), query.getIndustry(), query.getOwner());
    }
}
