package com.keyaccount.crm.followup.web;

import com.keyaccount.crm.followup.application.DueSection.Bucket;
import com.keyaccount.crm.followup.application.MyDay;
import com.keyaccount.crm.followup.application.TeamDay;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.PageNumbers;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 今日待办: the account manager's home page. Directors and admins may open any manager's day
 * ({@code ?manager=id}); a manager's request for someone else's day shows their own.
 */
@Controller
@RequiredArgsConstructor
class MyDayController {

    static final int PAGE_SIZE = 50;

    private final MyDay myDay;
    private final TeamDay teamDay;
    private final Team team;

    @GetMapping("/my-day")
    String myDay(@RequestParam(required = false) Long manager, Viewer viewer,
            Model model) {
        if (manager == null && viewer.role().seesAllCustomers()) {
            // a director's day is the team's: their own book is usually empty
            var day = teamDay.of();
            model.addAttribute("team", day);
            model.addAttribute("today", day.today());
            model.addAttribute("managers", team.accountManagers());
            model.addAttribute("self", viewer.userId());
            return "followup/team";
        }
        long owner = MyDay.ownerFor(viewer, manager);
        var day = myDay.of(owner);
        model.addAttribute("day", day);
        model.addAttribute("today", day.today());
        return page(viewer, owner, model, "followup/day");
    }

    /** "Show all" of one section, a page at a time. */
    @GetMapping("/my-day/{bucket:overdue|today|week}")
    String section(@PathVariable String bucket, @RequestParam(required = false) Long manager,
            @RequestParam(defaultValue = "0") int page, Viewer viewer, Model model) {
        long owner = MyDay.ownerFor(viewer, manager);
        Bucket asked = Bucket.valueOf(bucket.toUpperCase(Locale.ROOT));
        int safePage = PageNumbers.bounded(page, PAGE_SIZE);
        var section = myDay.section(owner, asked, safePage, PAGE_SIZE);
        if (safePage > 0 && section.total() > 0 && safePage > PageNumbers.last(section.total(), PAGE_SIZE)) {
            // an old link or a typed number past the end: the last page rather than an empty one
            safePage = PageNumbers.last(section.total(), PAGE_SIZE);
            section = myDay.section(owner, asked, safePage, PAGE_SIZE);
        }
        model.addAttribute("section", section);
        model.addAttribute("today", myDay.today());
        model.addAttribute("page", safePage);
        model.addAttribute("lastPage", Math.max(0, (int) ((section.total() - 1) / PAGE_SIZE)));
        return page(viewer, owner, model, "followup/section");
    }

    private String page(Viewer viewer, long owner, Model model, String view) {
        model.addAttribute("owner", owner);
        model.addAttribute("ownBook", owner == viewer.userId());
        model.addAttribute("ownerName", owner == viewer.userId() ? viewer.displayName()
                : team.displayName(owner).orElse(""));
        if (viewer.role().seesAllCustomers()) {
            model.addAttribute("managers", team.accountManagers());
            model.addAttribute("self", viewer.userId());
        }
        return view;
    }
}
