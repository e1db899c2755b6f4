package com.keyaccount.crm.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.keyaccount.crm.api.ApiTokens;
import com.keyaccount.crm.api.ErpTiers;
import com.keyaccount.crm.attainment.application.Attainments;
import com.keyaccount.crm.attainment.application.Coverages;
import com.keyaccount.crm.auditlog.AuditLog;
import com.keyaccount.crm.churn.application.ChurnWarnings;
import com.keyaccount.crm.complaint.application.ComplaintQueries;
import com.keyaccount.crm.complaint.application.Complaints;
import com.keyaccount.crm.complaint.application.ServicePolicies;
import com.keyaccount.crm.contactlog.ContactLog;
import com.keyaccount.crm.contactlog.ContactLogService;
import com.keyaccount.crm.customer.ContactService;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.SameNames;
import com.keyaccount.crm.customer.importing.CustomerImportResults;
import com.keyaccount.crm.customer.importing.CustomerImports;
import com.keyaccount.crm.dashboard.application.Dashboards;
import com.keyaccount.crm.dashboard.application.KeyFigures;
import com.keyaccount.crm.dashboard.application.TierMigrations;
import com.keyaccount.crm.exporting.Exports;
import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.followup.application.FollowUpReschedules;
import com.keyaccount.crm.followup.application.MyDay;
import com.keyaccount.crm.followup.application.NextFollowUp;
import com.keyaccount.crm.followup.application.ScheduleRefresh;
import com.keyaccount.crm.followup.application.TeamDay;
import com.keyaccount.crm.followup.application.WeekAhead;
import com.keyaccount.crm.followup.editor.CalendarDrafts;
import com.keyaccount.crm.followup.editor.QuotaDrafts;
import com.keyaccount.crm.importing.DataImports;
import com.keyaccount.crm.preview.application.WhatIf;
import com.keyaccount.crm.productline.ProductLines;
import com.keyaccount.crm.prospect.application.ProspectContactLogs;
import com.keyaccount.crm.prospect.application.ProspectLadders;
import com.keyaccount.crm.prospect.application.ProspectService;
import com.keyaccount.crm.prospect.editor.LadderPublishing;
import com.keyaccount.crm.prospect.funnel.Funnels;
import com.keyaccount.crm.prospect.funnel.ProspectList;
import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.sales.SalesService;
import com.keyaccount.crm.sales.SalesSummary;
import com.keyaccount.crm.sales.importing.SalesImports;
import com.keyaccount.crm.security.SecurityConfig;
import com.keyaccount.crm.security.UserSessions;
import com.keyaccount.crm.tier.LineTierQueries;
import com.keyaccount.crm.tier.TierQueries;
import com.keyaccount.crm.tier.application.TierOverrides;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.application.Passwords;
import com.keyaccount.crm.user.application.SignInAccounts;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.user.application.UserAdministration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import com.keyaccount.crm.survey.web.SurveyRateLimiter;
import org.springframework.data.domain.PageImpl;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web layer with real security, templates and messages; the domain services are mocks.
 * All slices share this one context.
 */
@WebMvcTest
@Import({SecurityConfig.class, Formats.class, FixedTime.class, SeedText.class, ViewExports.class, LadderText.class,
        SurveyRateLimiter.class, FileSettings.class, UploadedFiles.class, PageReads.class, NoTransactions.class,
        TierLabels.class})
public abstract class WebSliceTest {

    /** 10:00 on 2026-03-10 in Shanghai. */
    public static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected CustomerService customers;
    // photos and files (issue 23): the checks are real, storing and reading them are mocks
    @MockitoBean
    protected com.keyaccount.crm.attachment.Attachments attachments;
    @MockitoBean
    protected com.keyaccount.crm.attachment.FileUploads fileUploads;
    @MockitoBean
    protected com.keyaccount.crm.attachment.FileRetention fileRetention;
    @MockitoBean
    protected ContactService contacts;
    @MockitoBean
    protected ContactLogService contactLogs;
    @MockitoBean
    protected SalesService sales;
    @MockitoBean
    protected Team team;
    @MockitoBean
    protected TierQueries tiers;
    @MockitoBean
    protected SameNames sameNames;
    @MockitoBean
    protected TeamDay teamDay;
    @MockitoBean
    protected LineTierQueries lineTiers;
    @MockitoBean
    protected TierRecompute recompute;
    @MockitoBean
    protected TierOverrides overrides;
    // potential, adoption and the nine-grid (issue 16)
    @MockitoBean
    protected com.keyaccount.crm.customer.PotentialService potentials;
    @MockitoBean
    protected com.keyaccount.crm.potential.application.NineGridFigures nineGrid;
    @MockitoBean
    protected com.keyaccount.crm.customer.PotentialFactorsService potentialFactors;
    // the tier names in force (issue 16): unnamed here, so the bundles name the tiers
    @MockitoBean
    protected com.keyaccount.crm.tier.TierNames tierNames;

    /** The default ladder's tiers, as an installation that never changed it has. */
    @org.junit.jupiter.api.BeforeEach
    void defaultLadder() {
        org.mockito.Mockito.when(tierNames.ladder()).thenReturn(com.keyaccount.crm.tier.rules.TierLadder.DEFAULT);
        org.mockito.Mockito.when(tierNames.tiers()).thenReturn(java.util.List.of(com.keyaccount.crm.tier.Tier.A,
                com.keyaccount.crm.tier.Tier.B, com.keyaccount.crm.tier.Tier.C));
    }
    @MockitoBean
    protected Exports exports;
    @MockitoBean
    protected RuleDrafts ruleDrafts;

    @MockitoBean
    protected WhatIf whatIf;
    @MockitoBean
    protected MyDay myDay;
    @MockitoBean
    protected Attainments attainments;
    @MockitoBean
    protected SalesImports salesImports;
    @MockitoBean
    protected CustomerImports customerImports;
    @MockitoBean
    protected CustomerImportResults customerImportResults;
    @MockitoBean
    protected DataImports dataImports;
    @MockitoBean
    protected ApiTokens apiTokens;
    @MockitoBean
    protected ErpTiers erpTiers;
    @MockitoBean
    protected Dashboards dashboards;
    @MockitoBean
    protected TierMigrations tierMigrations;
    @MockitoBean
    protected KeyFigures keyFigures;
    @MockitoBean
    protected ChurnWarnings churnWarnings;
    @MockitoBean
    protected Coverages coverages;
    @MockitoBean
    protected SignInAccounts signIns;
    @MockitoBean
    protected AuditLog auditLog;
    @MockitoBean
    protected UserAdministration userAdministration;
    @MockitoBean
    protected com.keyaccount.crm.user.application.SignInAdministration signInAdministration;
    @MockitoBean
    protected Passwords passwords;
    @MockitoBean
    protected UserSessions userSessions;
    @MockitoBean
    protected QuotaDrafts quotaDrafts;
    @MockitoBean
    protected CalendarDrafts calendarDrafts;
    @MockitoBean
    protected ScheduleRefresh scheduleRefresh;
    @MockitoBean
    protected ProductLines productLines;
    @MockitoBean
    protected FollowUpReschedules reschedules;
    @MockitoBean
    protected WeekAhead weekAhead;
    @MockitoBean
    protected LadderPublishing ladderPublishing;
    @MockitoBean
    protected NextFollowUp nextFollowUp;
    @MockitoBean
    protected ProspectContactLogs prospectLogs;
    @MockitoBean
    protected ProspectService prospects;
    @MockitoBean
    protected ProspectLadders ladders;
    // the prospect funnel and its list (funnel)
    @MockitoBean
    protected Funnels funnels;
    @MockitoBean
    protected ProspectList prospectList;
    // satisfaction surveys
    @MockitoBean
    protected com.keyaccount.crm.survey.application.Questionnaires questionnaires;
    @MockitoBean
    protected com.keyaccount.crm.survey.application.SatisfactionReport satisfactionReport;
    @MockitoBean
    protected com.keyaccount.crm.survey.application.SurveyLinks surveyLinks;
    @MockitoBean
    protected com.keyaccount.crm.survey.application.SurveyPlans surveyPlans;
    @MockitoBean
    protected com.keyaccount.crm.survey.application.SurveyRequests surveyRequests;
    @MockitoBean
    protected com.keyaccount.crm.survey.application.SurveyResponses surveyResponses;
    // care and gifts, lost customers
    @MockitoBean
    protected com.keyaccount.crm.care.application.CarePolicies carePolicies;
    @MockitoBean
    protected com.keyaccount.crm.care.application.CareSpending careSpending;
    @MockitoBean
    protected com.keyaccount.crm.care.application.CareTasks careTasks;
    @MockitoBean
    protected com.keyaccount.crm.care.application.CareTaskMaker careTaskMaker;
    @MockitoBean
    protected com.keyaccount.crm.care.application.CustomerCareCard customerCareCard;
    @MockitoBean
    protected com.keyaccount.crm.care.application.MyDayCare myDayCare;
    @MockitoBean
    protected com.keyaccount.crm.lost.application.LostCustomers lostCustomers;
    @MockitoBean
    protected com.keyaccount.crm.lost.application.Retention retention;
    // complaints: recorded, listed, on My day, the customer page and the dashboard's service panel
    @MockitoBean
    protected Complaints complaints;
    @MockitoBean
    protected com.keyaccount.crm.complaint.application.ComplaintAssignments complaintAssignments;
    @MockitoBean
    protected ComplaintQueries complaintQueries;
    /** The dashboard's service panel: its three cards read side by side. */
    @MockitoBean
    protected com.keyaccount.crm.dashboard.application.ServiceCards serviceCards;
    @MockitoBean
    protected ServicePolicies servicePolicies;
    // check in and out (issue 23): the customer page's card and badges, My day's open check-in
    @MockitoBean
    protected com.keyaccount.crm.checkin.application.CheckIns checkIns;
    @MockitoBean
    protected com.keyaccount.crm.checkin.application.OnSiteCards onSiteCards;
    @MockitoBean
    protected com.keyaccount.crm.checkin.application.VisitBadges visitBadges;
    @MockitoBean
    protected com.keyaccount.crm.checkin.application.CustomerSites customerSites;
    @MockitoBean
    protected com.keyaccount.crm.checkin.CheckInSettings checkInSettings;
    // quarterly account plans (issue 19)
    @MockitoBean
    protected com.keyaccount.crm.plan.AccountPlans accountPlans;
    @MockitoBean
    protected com.keyaccount.crm.plan.application.PlanReviews planReviews;
    @MockitoBean
    protected com.keyaccount.crm.plan.application.PlanBoard planBoard;
    // targets and growth (issue 19)
    @MockitoBean
    protected com.keyaccount.crm.targets.SalesTargets salesTargets;
    @MockitoBean
    protected com.keyaccount.crm.targets.application.TargetBoard targetBoard;
    @MockitoBean
    protected com.keyaccount.crm.org.Organisation organisation;
    @MockitoBean
    protected com.keyaccount.crm.org.Scopes scopes;
    @MockitoBean
    protected com.keyaccount.crm.user.application.Departures departures;
    @MockitoBean
    protected com.keyaccount.crm.serviceteam.ServiceTeams serviceTeams;
    // duties per role and joint on-site visits (issue 19)
    @MockitoBean
    protected com.keyaccount.crm.duty.application.DutyPolicies roleDuties;
    @MockitoBean
    protected com.keyaccount.crm.duty.application.DutiesDue dutiesDue;
    @MockitoBean
    protected com.keyaccount.crm.duty.application.DutyAttainment dutyAttainment;
    @MockitoBean
    protected com.keyaccount.crm.contactlog.ContactParticipants contactParticipants;
    @MockitoBean
    protected com.keyaccount.crm.plan.application.PlanReminders planReminders;

    /** A slice has no organisation: everyone sees what their role alone lets them see. */
    @org.junit.jupiter.api.BeforeEach
    void scopesFollowRoles() {
        org.mockito.Mockito.when(scopes.resolve(org.mockito.ArgumentMatchers.any()))
                .thenAnswer(call -> call.getArgument(0));
        org.mockito.Mockito.when(dutiesDue.of(org.mockito.ArgumentMatchers.any()))
                .thenReturn(com.keyaccount.crm.duty.application.DutyDay.NONE);
        org.mockito.Mockito.when(planReminders.of(org.mockito.ArgumentMatchers.any())).thenReturn(java.util.Optional.empty());
        org.mockito.Mockito.when(serviceTeams.of(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(com.keyaccount.crm.customer.Customer.class)))
                .thenReturn(new com.keyaccount.crm.serviceteam.ServiceTeam(0, new com.keyaccount.crm.serviceteam
                        .ServiceTeam.Person(0, "—", com.keyaccount.crm.user.Role.ACCOUNT_MANAGER), java.util.List.of(),
                        java.util.List.of(), false));
    }

    /** Everything the detail page of {@code customer} reads, with the given timeline. */
    protected void givenDetailPage(Customer customer, ContactLog... timeline) {
        given(customers.get(any(), eq(customer.getId()))).willReturn(customer);
        given(contactLogs.timelineOf(eq(customer), any())).willReturn(new PageImpl<>(List.of(timeline)));
        given(sales.lastTwelveMonths(eq(customer), any()))
                .willReturn(new SalesSummary(BigDecimal.ZERO, 0, null));
    }

    /** No use case that writes was reached. */
    protected void verifyNothingWritten() {
        verify(customers, never()).create(any(), any(), any());
        verify(customers, never()).update(any(), anyLong(), anyLong(), any(), any());
        verify(customers, never()).delete(any(), anyLong());
        verify(customers, never()).markVerified(any(), anyLong());
        verify(contacts, never()).add(any(), anyLong(), any());
        verify(contacts, never()).update(any(), anyLong(), anyLong(), anyLong(), any());
        verify(contacts, never()).remove(any(), anyLong(), anyLong());
        verify(contactLogs, never()).record(any(), anyLong(), any());
        verify(prospectLogs, never()).record(any(), anyLong(), any(), any());
    }
}
