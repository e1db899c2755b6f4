package com.keyaccount.crm.duty.web;

import com.keyaccount.crm.duty.application.DutiesDue;
import com.keyaccount.crm.followup.rules.DutyKind;
import com.keyaccount.crm.web.PageNumbers;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** "Show all" of a duty list on My day: the user's own key accounts due for a visit or a call, a page at a time. */
@Controller
@RequiredArgsConstructor
class DutyListController {

    static final int PAGE_SIZE = 50;

    private final DutiesDue dutiesDue;
    private final Clock clock;
    private final ZoneId businessZone;

    @GetMapping("/my-day/duties/{kind:visit|call}")
    String list(@PathVariable String kind, @RequestParam(defaultValue = "0") int page, Viewer viewer, Model model) {
        DutyKind asked = DutyKind.valueOf(kind.toUpperCase(Locale.ROOT));
        int safePage = PageNumbers.bounded(page, PAGE_SIZE);
        var list = dutiesDue.list(viewer, asked, safePage, PAGE_SIZE);
        int last = Math.max(0, PageNumbers.last(list.total(), PAGE_SIZE));
        if (safePage > last) {
            // an old link or a typed number past the end: the last page rather than an empty one
            safePage = last;
            list = dutiesDue.list(viewer, asked, safePage, PAGE_SIZE);
        }
        model.addAttribute("list", list);
        model.addAttribute("page", safePage);
        model.addAttribute("lastPage", last);
        model.addAttribute("showOwner", viewer.role().supervises());
        model.addAttribute("today", LocalDate.now(clock.withZone(businessZone)));
        return "followup/duty-list";
    }
}
