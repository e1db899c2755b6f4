package com.keyaccount.crm.plan.web;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.plan.AccountPlanNotFoundException;
import com.keyaccount.crm.plan.AccountPlans;
import com.keyaccount.crm.plan.PlanRefusedException;
import com.keyaccount.crm.plan.PlanView;
import com.keyaccount.crm.plan.Quarter;
import com.keyaccount.crm.plan.StalePlanException;
import com.keyaccount.crm.plan.application.PlanReviews;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An account's quarterly plan: its page (the plan, its review against the quarter so far, the
 * author's and the director's next steps) and its form. A form or step posted over a plan changed
 * meanwhile answers 409 with what was typed kept and nothing written.
 */
@Controller
class PlanController {

    private static final Pattern ACTION_FIELD = Pattern.compile("actions\\[(\\d+)](\\..+)");

    private final AccountPlans plans;
    private final PlanReviews reviews;
    private final CustomerService customers;
    private final Team team;

    PlanController(AccountPlans plans, PlanReviews reviews, CustomerService customers, Team team) {
        this.plans = plans;
        this.reviews = reviews;
        this.customers = customers;
        this.team = team;
    }

    @GetMapping("/customers/{customerId}/plans")
    String current(@PathVariable long customerId, Viewer viewer) {
        customers.get(viewer, customerId);
        return "redirect:/customers/" + customerId + "/plans/" + plans.currentQuarter();
    }

    @GetMapping("/customers/{customerId}/plans/{quarter}")
    String show(@PathVariable long customerId, @PathVariable String quarter, Viewer viewer, Model model) {
        return page(customers.get(viewer, customerId), quarter(customerId, quarter), viewer, model);
    }

    @GetMapping("/customers/{customerId}/plans/{quarter}/edit")
    String edit(@PathVariable long customerId, @PathVariable String quarter, Viewer viewer, Model model) {
        Customer customer = customers.get(viewer, customerId);
        Quarter q = quarter(customerId, quarter);
        Optional<PlanView> plan = plans.find(customer, q);
        if (!plans.mayWrite(viewer, customer, q)) {
            throw new AccountPlanNotFoundException(customerId, q);
        }
        PlanForm form = plan.map(PlanForm::of).orElseGet(() -> PlanForm.blank(viewer.userId()));
        return form(customer, q, plan.orElse(null), form, model);
    }

    @PostMapping("/customers/{customerId}/plans/{quarter}")
    String save(@PathVariable long customerId, @PathVariable String quarter,
            @Valid @ModelAttribute("form") PlanForm form, BindingResult result, Viewer viewer, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Customer customer = customers.get(viewer, customerId);
        Quarter q = quarter(customerId, quarter);
        if (!result.hasErrors()) {
            try {
                if (form.isSubmit()) {
                    plans.writeAndSubmit(viewer, customerId, q, form.getVersion(), form.toDraft());
                } else {
                    plans.write(viewer, customerId, q, form.getVersion(), form.toDraft());
                }
                redirect.addFlashAttribute("flash", form.isSubmit() ? "flash.plan.submitted" : "flash.plan.saved");
                return "redirect:/customers/" + customerId + "/plans/" + q;
            } catch (StalePlanException | ObjectOptimisticLockingFailureException | DataIntegrityViolationException e) {
                // nothing was written: the plan as it is now beside what this user typed
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("conflict", true);
            } catch (PlanRefusedException e) {
                e.refusals().forEach(r -> result.rejectValue(field(form, r.field()), "plan.refused." + r.code()));
            }
        }
        if (result.hasErrors() && !model.containsAttribute("conflict")) {
            alsoRefused(viewer, customerId, q, form, result);
        }
        Optional<PlanView> plan = plans.find(customer, q);
        if (model.containsAttribute("conflict")) {
            // what was typed stays; saving again replaces the plan as it is now, which its page shows
            form.setVersion(plan.map(PlanView::version).orElse(null));
        }
        form.spareRows(viewer.userId());
        return form(customer, q, plan.orElse(null), form, model);
    }

    /** The author's steps. */
    @PostMapping("/customers/{customerId}/plans/{quarter}/{step:submit|withdraw}")
    String authorStep(@PathVariable long customerId, @PathVariable String quarter, @PathVariable String step,
            @RequestParam(required = false) Long version, Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return step(customerId, quarter, step, version, null, viewer, model, redirect, response);
    }

    /** The director's decision (批示); security lets only directors and admins reach it. */
    @PostMapping("/customers/{customerId}/plans/{quarter}/{decision:approve|return}")
    String decide(@PathVariable long customerId, @PathVariable String quarter, @PathVariable String decision,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String comment,
            Viewer viewer, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return step(customerId, quarter, decision, version, comment, viewer, model, redirect, response);
    }

    private String step(long customerId, String quarter, String step, Long version, String comment, Viewer viewer,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Customer customer = customers.get(viewer, customerId);
        Quarter q = quarter(customerId, quarter);
        long seen = version == null ? -1 : version;
        String error = PlanText.check(comment);
        if (error == null) {
            try {
                switch (step) {
                    case "submit" -> plans.submit(viewer, customerId, q, seen);
                    case "withdraw" -> plans.withdraw(viewer, customerId, q, seen);
                    case "approve" -> plans.approve(viewer, customerId, q, seen, comment);
                    default -> plans.returnForRework(viewer, customerId, q, seen, comment);
                }
                redirect.addFlashAttribute("flash", switch (step) {
                    case "submit" -> "flash.plan.submit";
                    case "withdraw" -> "flash.plan.withdraw";
                    case "approve" -> "flash.plan.approve";
                    default -> "flash.plan.return";
                });
                return "redirect:/customers/" + customerId + "/plans/" + q;
            } catch (StalePlanException | ObjectOptimisticLockingFailureException e) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("conflict", true);
                model.addAttribute("typedComment", comment);
                return page(customer, q, viewer, model);
            } catch (PlanRefusedException e) {
                error = "plan.refused." + e.code();
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("stepError", error);
        model.addAttribute("typedComment", comment);
        return page(customer, q, viewer, model);
    }

    private String page(Customer customer, Quarter quarter, Viewer viewer, Model model) {
        Optional<PlanView> plan = plans.find(customer, quarter);
        model.addAttribute("customer", customer);
        model.addAttribute("quarter", quarter);
        model.addAttribute("plan", plan.orElse(null));
        model.addAttribute("review", plan.flatMap(reviews::of).orElse(null));
        model.addAttribute("mayWrite", plans.mayWrite(viewer, customer, quarter));
        model.addAttribute("topTier", customer.getTier() == com.keyaccount.crm.tier.Tier.A);
        model.addAttribute("mayDecide", plan.isPresent() && plans.mayDecide(viewer, plan.get()));
        model.addAttribute("isAuthor", plan.isPresent() && plan.get().authorId() == viewer.userId());
        model.addAttribute("decidedByName", plan.map(PlanView::decidedBy).flatMap(team::displayNameOf).orElse(null));
        model.addAttribute("previous", quarter.previous());
        model.addAttribute("next", quarter.next());
        return "plans/page";
    }

    /** The form; after a post it shows even for a quarter that ended meanwhile, with the refusal beside it. */
    private String form(Customer customer, Quarter quarter, PlanView plan, PlanForm form, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("quarter", quarter);
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("colleagues", team.colleagues());
        model.addAttribute("channels", Channel.values());
        return "plans/form";
    }

    /** The plan's own refusals beside the form's type errors, for the fields that have none yet. */
    private void alsoRefused(Viewer viewer, long customerId, Quarter q, PlanForm form, BindingResult result) {
        try {
            plans.check(viewer, customerId, q, form.toDraft());
        } catch (PlanRefusedException e) {
            e.refusals().stream().filter(r -> !result.hasFieldErrors(field(form, r.field())))
                    .forEach(r -> result.rejectValue(field(form, r.field()), "plan.refused." + r.code()));
        }
    }

    /** The quarter an address names; anything else is a page that does not exist. */
    private static Quarter quarter(long customerId, String text) {
        return Quarter.parse(text).orElseThrow(() -> new AccountPlanNotFoundException(customerId, null));
    }

    /** The form's field for a field the plan refused: an action's number counts the rows typed. */
    private static String field(PlanForm form, String field) {
        Matcher m = ACTION_FIELD.matcher(field);
        return m.matches() ? "actions[" + form.rowOf(Integer.parseInt(m.group(1))) + "]" + m.group(2) : field;
    }
}
