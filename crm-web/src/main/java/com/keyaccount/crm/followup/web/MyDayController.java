package com.keyaccount.crm.followup.web;

import com.keyaccount.crm.care.application.MyDayCare;
import com.keyaccount.crm.checkin.application.CheckIns;
import com.keyaccount.crm.complaint.application.ComplaintQueries;
import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.duty.application.DutiesDue;
import com.keyaccount.crm.duty.application.DutyDay;
import com.keyaccount.crm.followup.application.DueCustomer;
import com.keyaccount.crm.followup.application.DueFilter;
import com.keyaccount.crm.followup.application.DueSection;
import com.keyaccount.crm.followup.application.DueSection.Bucket;
import com.keyaccount.crm.followup.application.FollowUpReschedules;
import com.keyaccount.crm.followup.application.MyDay;
import com.keyaccount.crm.followup.application.RescheduleReason;
import com.keyaccount.crm.followup.application.TeamDay;
import com.keyaccount.crm.followup.application.WeekAhead;
import com.keyaccount.crm.plan.application.PlanReminders;
import com.keyaccount.crm.survey.application.SurveyRequests;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierNames;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.web.BackToMyDay;
import com.keyaccount.crm.web.PageNumbers;
import com.keyaccount.crm.web.PageReads;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 今日待办: the account manager's home page. Directors and admins may open any manager's day
 * ({@code ?manager=id}); a manager's request for someone else's day shows their own. The due
 * lists narrow to a tier and a city ({@code ?tier=A&city=南京}; an unknown value is ignored), and
 * every link between My day's pages keeps them.
 */
@Controller
@RequiredArgsConstructor
class MyDayController {

    static final int PAGE_SIZE = 50;

    private final MyDay myDay;
    private final TierNames tierNames;
    private final TeamDay teamDay;
    private final WeekAhead weekAhead;
    private final FollowUpReschedules reschedules;
    private final Team team;
    private final SurveyRequests surveyRequests;
    private final MyDayCare myDayCare;
    /** Overdue complaints head the day: the owner's on My day, everyone's (escalated) on the director's. */
    private final ComplaintQueries complaints;
    /** The user's open check-in heads their day, with its check-out (issue 23). */
    private final CheckIns checkIns;
    /** The user's own duties per role (issue 19): key accounts to visit and call, days at key accounts. */
    private final DutiesDue dutiesDue;
    /** The quarter's account plans to write, mend (the owner) or decide on (the director). */
    private final PlanReminders planReminders;
    /** My day's parts read in one transaction: one connection from the pool, not one per part. */
    private final PageReads pageReads;

    @GetMapping("/my-day")
    String myDay(@RequestParam(required = false) Long manager, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String city, Viewer viewer, Model model) {
        if (manager == null && viewer.seesOthers()) {
            // a director's (or a supervisor's) day is the team's: their own book is usually empty
            var day = teamDay.of(viewer.scope());
            model.addAttribute("team", day);
            model.addAttribute("today", day.today());
            model.addAttribute("managers", team.accountManagersSeenBy(viewer));
            model.addAttribute("self", viewer.userId());
            model.addAttribute("overdueComplaints", complaints.overdueOfTeam(viewer.scope()));
            model.addAttribute("duties", dutiesDue.of(viewer));
            model.addAttribute("planReminder", planReminders.of(viewer).orElse(null));
            return "followup/team";
        }
        long owner = MyDay.ownerFor(viewer, manager);
        DueFilter filter = filter(tier, city);
        myDayCare.catchUp();
        pageReads.run(() -> {
            var day = myDay.of(owner, filter);
            model.addAttribute("day", day);
            model.addAttribute("today", day.today());
            model.addAttribute("tierChoices", tierNames.tiers());
            // 关怀: care tasks and lost-customer interviews due (care/fragments :: myDay)
            model.addAttribute("care", myDayCare.of(owner));
            model.addAttribute("overdueComplaints", complaints.overdueOf(owner));
            rowActions(model, List.of(day.overdue(), day.dueToday(), day.thisWeek()));
            // one line: how many of the owner's customers are due for a satisfaction survey
            long surveysDue = surveyRequests.dueCount(owner);
            model.addAttribute("surveysDue", surveysDue);
            model.addAttribute("surveysDueAtLeast", surveysDue >= SurveyRequests.DUE_COUNT_LIMIT);
            model.addAttribute("openCheckIn", checkIns.openOf(viewer).orElse(null));
            // duties and plans to write are the user's own: a director looking at a manager's day sees neither
            boolean own = owner == viewer.userId();
            model.addAttribute("duties", own ? dutiesDue.of(viewer) : DutyDay.NONE);
            model.addAttribute("planReminder", own ? planReminders.of(viewer).orElse(null) : null);
            page(viewer, owner, filter, model);
        });
        return "followup/day";
    }

    /** "Show all" of one section, a page at a time. */
    @GetMapping("/my-day/{bucket:overdue|today|week}")
    String section(@PathVariable String bucket, @RequestParam(required = false) Long manager,
            @RequestParam(required = false) String tier, @RequestParam(required = false) String city,
            @RequestParam(defaultValue = "0") int page, Viewer viewer, Model model) {
        long owner = MyDay.ownerFor(viewer, manager);
        DueFilter filter = filter(tier, city);
        Bucket asked = Bucket.valueOf(bucket.toUpperCase(Locale.ROOT));
        int safePage = PageNumbers.bounded(page, PAGE_SIZE);
        var section = myDay.section(owner, asked, filter, safePage, PAGE_SIZE);
        if (safePage > 0 && section.total() > 0 && safePage > PageNumbers.last(section.total(), PAGE_SIZE)) {
            // an old link or a typed number past the end: the last page rather than an empty one
            safePage = PageNumbers.last(section.total(), PAGE_SIZE);
            section = myDay.section(owner, asked, filter, safePage, PAGE_SIZE);
        }
        model.addAttribute("section", section);
        model.addAttribute("today", myDay.today());
        model.addAttribute("page", safePage);
        model.addAttribute("lastPage", Math.max(0, (int) ((section.total() - 1) / PAGE_SIZE)));
        rowActions(model, List.of(section));
        page(viewer, owner, filter, model);
        return "followup/section";
    }

    /** The week ahead as a calendar: what is due each day, holidays and make-up working days marked. */
    @GetMapping("/my-day/calendar")
    String week(@RequestParam(required = false) Long manager, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String city, Viewer viewer, Model model) {
        long owner = MyDay.ownerFor(viewer, manager);
        DueFilter filter = filter(tier, city);
        var week = weekAhead.of(owner, filter);
        model.addAttribute("week", week);
        model.addAttribute("today", week.today());
        page(viewer, owner, filter, model);
        return "followup/week";
    }

    private static DueFilter filter(String tier, String city) {
        String knownTier = BackToMyDay.tier(tier);
        return new DueFilter(knownTier == null ? null : Tier.valueOf(knownTier), BackToMyDay.city(city));
    }

    /**
     * What a row's quick log and reschedule forms need: the channels, the reasons, the days a
     * follow-up may move to, and a one-time token per row, so that a double tap logs once and
     * two rows never share a token.
     */
    private void rowActions(Model model, List<DueSection> sections) {
        Map<Long, String> tokens = new HashMap<>();
        sections.stream().flatMap(s -> s.rows().stream()).map(DueCustomer::customerId)
                .forEach(id -> tokens.put(id, UUID.randomUUID().toString()));
        model.addAttribute("tokens", tokens);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("reasons", RescheduleReason.values());
        model.addAttribute("closeClasses", CloseClass.values());
        model.addAttribute("window", reschedules.window());
    }

    private void page(Viewer viewer, long owner, DueFilter filter, Model model) {
        model.addAttribute("owner", owner);
        model.addAttribute("ownBook", owner == viewer.userId());
        // the manager parameter only where it was given, so a manager's own links stay short
        Long managerParam = viewer.seesOthers() ? owner : null;
        String tierParam = filter.tier() == null ? null : filter.tier().name();
        model.addAttribute("managerParam", managerParam);
        model.addAttribute("filter", filter);
        model.addAttribute("tierParam", tierParam);
        model.addAttribute("cityParam", filter.city());
        model.addAttribute("links", new MyDayLinks(managerParam, tierParam, filter.city()));
        model.addAttribute("ownerName", owner == viewer.userId() ? viewer.displayName()
                : team.displayName(owner).orElse(""));
        if (viewer.seesOthers()) {
            model.addAttribute("managers", team.accountManagersSeenBy(viewer));
            model.addAttribute("self", viewer.userId());
        }
    }
}
