package com.keyaccount.crm.plan;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and deciding quarterly account plans. Whoever may see the account may read its plans;
 * its owner writes them, for a top-tier account and for this quarter or the next; the author
 * submits and may withdraw; a sales director or admin other than the author approves or returns
 * one. Every step is taken against the version the user saw and audited in words.
 */
@Service
@Transactional(readOnly = true)
public class AccountPlans {

    static final String ENTITY = "AccountPlan";

    private final CustomerService customers;
    private final AccountPlanRepository plans;
    private final AppUserRepository users;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    AccountPlans(CustomerService customers, AccountPlanRepository plans, AppUserRepository users, AuditTrail audit,
            Clock clock, ZoneId businessZone) {
        this.customers = customers;
        this.plans = plans;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.zone = businessZone;
    }

    /**
     * The account's plan for the quarter, if written: for a page that has already checked the
     * viewer may see the account ({@code CustomerService.get}, 404 otherwise).
     */
    public Optional<PlanView> find(Customer seen, Quarter quarter) {
        return plans.findByCustomerIdAndQuarterStart(seen.getId(), quarter.first()).map(PlanView::of);
    }

    /**
     * The state of the account's plan for the quarter, if one is written: for a page that has
     * already checked the viewer may see the account.
     */
    public Optional<PlanStatus> statusOf(Customer seen, Quarter quarter) {
        return plans.findStatus(seen.getId(), quarter.first());
    }

    public Quarter currentQuarter() {
        return Quarter.of(today());
    }

    /** Whether the viewer may approve or return the plan now: a director or admin, not its author. */
    public boolean mayDecide(Viewer viewer, PlanView plan) {
        return plan.status() == PlanStatus.SUBMITTED && decides(viewer) && plan.authorId() != viewer.userId();
    }

    private static boolean decides(Viewer viewer) {
        return viewer.role() == Role.SALES_DIRECTOR || viewer.role() == Role.ADMIN;
    }

    /** The quarters a plan may be written or changed for: this one and the next. */
    public boolean open(Quarter quarter) {
        Quarter now = Quarter.of(today());
        return quarter.equals(now) || quarter.equals(now.next());
    }

    /** Whether the viewer may write the account's plan for the quarter (the buttons a page offers). */
    public boolean mayWrite(Viewer viewer, Customer customer, Quarter quarter) {
        return customer.getOwner().getId() == viewer.userId() && open(quarter);
    }

    /**
     * Writes the plan, or a new version of it over the one seen ({@code seenVersion} null: none
     * was). A new plan needs a top-tier account.
     *
     * @return the plan's id
     */
    @Transactional
    public long write(Viewer viewer, long customerId, Quarter quarter, Long seenVersion, PlanDraft draft) {
        return write(viewer, customerId, quarter, seenVersion, draft, false);
    }

    /** As {@link #write}, then submits it, all or nothing: a plan the director may not see yet is not saved. */
    @Transactional
    public long writeAndSubmit(Viewer viewer, long customerId, Quarter quarter, Long seenVersion, PlanDraft draft) {
        return write(viewer, customerId, quarter, seenVersion, draft, true);
    }

    private long write(Viewer viewer, long customerId, Quarter quarter, Long seenVersion, PlanDraft draft,
            boolean submit) {
        Customer customer = customers.get(viewer, customerId);
        if (customer.getOwner().getId() != viewer.userId()) {
            throw new NotPermittedException("write another manager's account plan");
        }
        requireOpen(quarter);
        PlanContent content = content(draft);
        Optional<AccountPlan> existing = plans.findByCustomerIdAndQuarterStart(customerId, quarter.first());
        if (existing.isEmpty()) {
            if (seenVersion != null) {
                throw new StalePlanException();
            }
            if (customer.getTier() != Tier.A) {
                throw new PlanRefusedException("goals", PlanRefusedException.NOT_TOP_TIER);
            }
            AccountPlan plan = plans.saveAndFlush(new AccountPlan(customer, quarter,
                    users.getReferenceById(viewer.userId()), content, clock.instant()));
            audit.created(viewer.username(), ENTITY, plan.getId(), customerId, "quarter", quarter.toString());
            if (submit) {
                step(viewer, plan, p -> p.submit(clock.instant()));
            }
            return plan.getId();
        }
        AccountPlan plan = seen(existing.get(), seenVersion);
        step(viewer, plan, p -> {
            p.revise(content, clock.instant());
            if (submit) {
                p.submit(clock.instant());
            }
        });
        return plan.getId();
    }

    /**
     * What the plan's rules refuse in the draft, without writing anything: for a form that has
     * other errors too, so every message shows at once.
     */
    public void check(Viewer viewer, long customerId, Quarter quarter, PlanDraft draft) {
        Customer customer = customers.get(viewer, customerId);
        new AccountPlan(customer, quarter, customer.getOwner(), content(draft), clock.instant());
    }

    @Transactional
    public void submit(Viewer viewer, long customerId, Quarter quarter, long seenVersion) {
        byAuthor(viewer, customerId, quarter, seenVersion, "submit", plan -> plan.submit(clock.instant()));
    }

    @Transactional
    public void withdraw(Viewer viewer, long customerId, Quarter quarter, long seenVersion) {
        byAuthor(viewer, customerId, quarter, seenVersion, "withdraw", plan -> plan.withdraw(clock.instant()));
    }

    @Transactional
    public void approve(Viewer viewer, long customerId, Quarter quarter, long seenVersion, String comment) {
        byDirector(viewer, customerId, quarter, seenVersion,
                (plan, director) -> plan.approve(director, comment, clock.instant()));
    }

    @Transactional
    public void returnForRework(Viewer viewer, long customerId, Quarter quarter, long seenVersion, String comment) {
        byDirector(viewer, customerId, quarter, seenVersion,
                (plan, director) -> plan.returnForRework(director, comment, clock.instant()));
    }

    private void byAuthor(Viewer viewer, long customerId, Quarter quarter, long seenVersion, String action,
            Consumer<AccountPlan> step) {
        AccountPlan plan = seen(get(viewer, customerId, quarter), seenVersion);
        if (plan.getAuthor().getId() != viewer.userId()) {
            throw new NotPermittedException(action + " another manager's account plan");
        }
        step(viewer, plan, step);
    }

    private void byDirector(Viewer viewer, long customerId, Quarter quarter, long seenVersion,
            java.util.function.BiConsumer<AccountPlan, AppUser> step) {
        if (!decides(viewer)) {
            throw new NotPermittedException("decide on an account plan");
        }
        AccountPlan plan = seen(get(viewer, customerId, quarter), seenVersion);
        AppUser director = users.getReferenceById(viewer.userId());
        step(viewer, plan, p -> step.accept(p, director));
    }

    private void step(Viewer viewer, AccountPlan plan, Consumer<AccountPlan> step) {
        Audited before = Audited.of(plan);
        step.accept(plan);
        plans.flush();
        audit.changed(viewer.username(), ENTITY, plan.getId(), plan.getCustomer().getId(), before, Audited.of(plan));
    }

    private AccountPlan get(Viewer viewer, long customerId, Quarter quarter) {
        customers.get(viewer, customerId);
        return plans.findByCustomerIdAndQuarterStart(customerId, quarter.first())
                .orElseThrow(() -> new AccountPlanNotFoundException(customerId, quarter));
    }

    private static AccountPlan seen(AccountPlan plan, Long seenVersion) {
        if (seenVersion == null || plan.getVersion() != seenVersion) {
            throw new StalePlanException();
        }
        return plan;
    }

    private void requireOpen(Quarter quarter) {
        Quarter now = Quarter.of(today());
        if (quarter.compareTo(now) < 0) {
            throw new PlanRefusedException("goals", PlanRefusedException.QUARTER_OVER);
        }
        if (quarter.compareTo(now.next()) > 0) {
            throw new PlanRefusedException("goals", PlanRefusedException.TOO_FAR_AHEAD);
        }
    }

    /** The draft with its actions' owners looked up; one who cannot sign in any more is none (refused). */
    private PlanContent content(PlanDraft draft) {
        Map<Long, AppUser> owners = users.findAllById(draft.actions().stream().map(PlanDraft.ActionDraft::ownerId)
                .filter(Objects::nonNull).collect(Collectors.toSet())).stream().filter(AppUser::isEnabled)
                .collect(Collectors.toMap(AppUser::getId, Function.identity()));
        List<PlanContent.Action> actions = draft.actions().stream()
                .map(a -> new PlanContent.Action(a.description(), a.dueOn(), owners.get(a.ownerId()), a.channel()))
                .toList();
        return new PlanContent(draft.goals(), draft.expectedRevenue(), draft.resources(), actions);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** What the audit log compares before and after a step: one row per part that changed. */
    public record Audited(String planStatus, String planGoals, BigDecimal planExpectedRevenue, String planResources,
            String planActions, String planComment) {

        static Audited of(AccountPlan p) {
            return new Audited(p.getStatus().name(), p.getGoals(), p.getExpectedRevenue(), p.getResources(),
                    p.getActions().stream().map(a -> a.getDueOn() + " " + a.getOwner().getDisplayName() + ": "
                            + a.getDescription()).collect(Collectors.joining("\n")),
                    Objects.toString(p.getDecisionComment(), null));
        }
    }
}
