package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.attachment.Attachments;
import com.keyaccount.crm.checkin.application.OnSiteCards;
import com.keyaccount.crm.checkin.application.VisitBadges;
import com.keyaccount.crm.complaint.application.ComplaintQueries;
import com.keyaccount.crm.contactlog.ContactLog;
import com.keyaccount.crm.contactlog.ContactLogService;
import com.keyaccount.crm.contactlog.ContactParticipants;
import com.keyaccount.crm.customer.ContactService;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.PotentialFactorsService;
import com.keyaccount.crm.followup.application.FollowUpReschedules;
import com.keyaccount.crm.followup.application.NextFollowUp;
import com.keyaccount.crm.plan.AccountPlans;
import com.keyaccount.crm.plan.PlanStatus;
import com.keyaccount.crm.plan.Quarter;
import com.keyaccount.crm.prospect.application.ProspectService;
import com.keyaccount.crm.sales.SalesService;
import com.keyaccount.crm.survey.application.SatisfactionReport;
import com.keyaccount.crm.tier.CustomerTier;
import com.keyaccount.crm.tier.LineTierQueries;
import com.keyaccount.crm.scoring.pin.PinRule;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierNames;
import com.keyaccount.crm.tier.TierQueries;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.FilesError;
import com.keyaccount.crm.web.PageNumbers;
import com.keyaccount.crm.serviceteam.ServiceTeam;
import com.keyaccount.crm.serviceteam.ServiceTeams;
import com.keyaccount.crm.web.PageReads;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.time.temporal.ChronoUnit;
import lombok.RequiredArgsConstructor;
import com.keyaccount.crm.care.application.CustomerCareCard;
import com.keyaccount.crm.lost.application.LostCustomers;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A customer's page: profile, contacts, timeline, sales, tier and its history, the next follow-up
 * and, for a prospect, its stage. The forms that change a customer are {@link CustomerController}'s.
 */
@Controller
@RequestMapping("/customers")
@RequiredArgsConstructor
class CustomerDetailController {

    static final int TIMELINE_PAGE_SIZE = 20;

    private final CustomerService customers;
    private final TierNames tierNames;
    private final ContactService contacts;
    private final ContactLogService contactLogs;
    private final SalesService sales;
    private final Clock clock;
    private final ZoneId businessZone;
    private final TierQueries tiers;
    private final LineTierQueries lineTiers;
    private final FollowUpReschedules reschedules;
    private final NextFollowUp nextFollowUp;
    private final ProspectService prospects;
    private final SatisfactionReport satisfaction;
    private final CustomerCareCard careCard;
    private final LostCustomers lostCustomers;
    private final ComplaintQueries complaints;
    /** Photos and files: thumbnails on the timeline's visits, and the files section (issue 23). */
    private final Attachments attachments;
    /** Check in and out (issue 23): the "at the customer" card and the timeline's visit badges. */
    private final OnSiteCards onSiteCards;
    /** The levels a potential was picked as, named as the admin's table names them (issue 16). */
    private final PotentialFactorsService potentialFactors;
    private final VisitBadges visitBadges;
    private final PageReads pageReads;
    /** The quarter's account plan of a top-tier account, or of one that has a plan (issue 19). */
    private final AccountPlans plans;
    /** Who serves the account beside its owner (issue 19). */
    private final ServiceTeams serviceTeams;
    /** The colleagues named on the timeline's joint visits (协访). */
    private final ContactParticipants participants;

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int logPage,
            @RequestParam(defaultValue = "false") boolean filesTooLarge, Viewer viewer, Model model) {
        pageReads.run(() -> read(id, logPage, filesTooLarge, viewer, model));
        return "customers/detail";
    }

    private void read(long id, int logPage, boolean filesTooLarge, Viewer viewer, Model model) {
        Customer customer = customers.get(viewer, id);
        model.addAttribute("customer", customer);
        Quarter quarter = plans.currentQuarter();
        PlanStatus planStatus = plans.statusOf(customer, quarter).orElse(null);
        if (planStatus != null || customer.getTier() == Tier.A) {
            model.addAttribute("planQuarter", quarter);
            model.addAttribute("planStatus", planStatus);
        }
        ServiceTeam team = serviceTeams.of(viewer, customer);
        model.addAttribute("serviceTeam", team);
        if (team.mayChange()) {
            model.addAttribute("teamCandidates", serviceTeams.candidates(customer));
        }
        // the tier pin form chooses among the tiers
        model.addAttribute("tiers", tierNames.tiers());
        model.addAttribute("designatedTier", PinRule.DESIGNATED);
        model.addAttribute("needsVerification", customer.needsVerification(clock.instant()));
        // the checked customer is handed on, so its visibility is not looked up again per section
        model.addAttribute("contacts", contacts.of(customer));
        var timeline = contactLogs.timelineOf(customer,
                PageRequest.of(PageNumbers.bounded(logPage, TIMELINE_PAGE_SIZE), TIMELINE_PAGE_SIZE));
        if (timeline.getNumber() > 0 && timeline.getContent().isEmpty() && timeline.getTotalElements() > 0) {
            timeline = contactLogs.timelineOf(customer, PageRequest.of(
                    PageNumbers.last(timeline.getTotalElements(), TIMELINE_PAGE_SIZE), TIMELINE_PAGE_SIZE));
        }
        model.addAttribute("timeline", timeline);
        // the page's visits' photos in one query, not one per visit
        model.addAttribute("logFiles", attachments.ofLogs(timeline.getContent().stream().map(l -> l.getId()).toList()));
        model.addAttribute("files", attachments.ofCustomer(customer));
        model.addAttribute("filesTotal", attachments.countOf(customer));
        if (filesTooLarge) {
            model.addAttribute("filesError", FilesError.tooLargeRequest());
        }
        List<Long> shownLogs = timeline.getContent().stream().map(ContactLog::getId).toList();
        model.addAttribute("visitBadges", visitBadges.of(shownLogs));
        model.addAttribute("logParticipants", participants.namesOf(shownLogs));
        model.addAttribute("onSite", onSiteCards.of(viewer, customer));
        if (customer.getAssessment().getPotentialRow() != null) {
            model.addAttribute("potentialFactors", potentialFactors.current().factors());
        }
        LocalDate today = LocalDate.now(clock.withZone(businessZone));
        model.addAttribute("sales", sales.lastTwelveMonths(customer, today));
        model.addAttribute("recentOrders", sales.recentOrders(customer));
        CustomerTier customerTier = tiers.tierOf(id).orElse(null);
        model.addAttribute("customerTier", customerTier);
        model.addAttribute("lineTiers", lineTiers.of(customerTier));
        model.addAttribute("tierHistory", tiers.historyOf(id));
        // "rescheduled to … because …": the follow-up moved by hand on My day, until the next contact
        model.addAttribute("reschedule", reschedules.of(customer).orElse(null));
        // when the next contact is due and why, as My day says it (a prospect's by its close-time class)
        model.addAttribute("nextFollowUp", nextFollowUp.of(customer).orElse(null));
        model.addAttribute("today", today);
        // complaints not yet confirmed by the customer, shown near the top: serving comes before selling
        model.addAttribute("openComplaints", complaints.unconfirmedOf(id));
        // a prospect (or a customer that climbed the ladder) shows its stage, linking to its ladder page
        prospects.of(customer).ifPresent(p -> {
            model.addAttribute("prospect", p);
            model.addAttribute("prospectDays", Math.max(0, ChronoUnit.DAYS.between(
                    p.stageSince().atZone(businessZone).toLocalDate(), today)));
        });
        // 满意度: latest score, trend and past answers (surveys/customer-card.html)
        model.addAttribute("satisfaction", satisfaction.customer(customer));
        // 关怀 and 流失: this year's care budget and tasks, and the open loss with its interview
        model.addAttribute("care", careCard.of(id, today.getYear()));
        model.addAttribute("loss", lostCustomers.currentOf(id).orElse(null));
    }
}
