package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.DuplicateCustomerCodeException;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.customer.SameNames;
import com.keyaccount.crm.customer.StaleCustomerException;
import com.keyaccount.crm.tier.LineTierQueries;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierNames;
import com.keyaccount.crm.tier.TierQueries;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.user.UnknownOwnerException;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.BackToMyDay;
import com.keyaccount.crm.web.PageNumbers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/customers")
@RequiredArgsConstructor
class CustomerController {

    private final CustomerService customers;
    private final TierNames tierNames;
    private final Team team;
    private final Clock clock;
    private final ZoneId businessZone;
    private final MessageSource messages;
    private final TierQueries tiers;
    private final SameNames sameNames;
    private final LineTierQueries lineTiers;

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("tiers", tierNames.tiers());
        model.addAttribute("regions", Region.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("statuses", CustomerStatus.values());
    }

    @GetMapping
    String list(@ModelAttribute("query") CustomerListQuery query, BindingResult ignoredBadFilters,
            Viewer viewer, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(businessZone));
        var page = customers.search(viewer, query.criteria(today, businessZone), query.pageable());
        if (page.getNumber() > 0 && page.getContent().isEmpty() && page.getTotalElements() > 0) {
            // an old link or a typed number past the end: the last page rather than an empty one
            query.setPage(PageNumbers.last(page.getTotalElements(), CustomerListQuery.PAGE_SIZE));
            page = customers.search(viewer, query.criteria(today, businessZone), query.pageable());
        }
        model.addAttribute("page", page);
        model.addAttribute("tierOf", tiers.tiersOf(page.map(Customer::getId).getContent()));
        model.addAttribute("lineTiersOf", lineTiers.of(page.map(Customer::getId).getContent()));
        if (tiers.policyInForce().map(p -> p.getScope() == Scope.PRODUCT_LINE).orElse(false)) {
            model.addAttribute("productLines", lineTiers.productLines());
        }
        addManagersIfDirector(viewer, model);
        return "customers/list";
    }

    @GetMapping("/new")
    String createForm(Viewer viewer, Model model) {
        if (viewer.role().servesTeams()) {
            throw new NotPermittedException("own customers");
        }
        model.addAttribute("form", new CustomerForm());
        addFormChoices(viewer, model, null);
        return "customers/form";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CustomerForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        checkCrossFieldRules(form, null, result, viewer);
        if (!result.hasErrors() && !sameNameConfirmed(form, null, viewer, model)) {
            addFormChoices(viewer, model, null);
            return "customers/form";
        }
        if (!result.hasErrors()) {
            try {
                Customer created = customers.create(viewer, form.toProfile(), form.getOwnerId());
                redirect.addFlashAttribute("flash", "flash.customer.created");
                return "redirect:/customers/" + created.getId();
            } catch (DuplicateCustomerCodeException | DataIntegrityViolationException e) {
                result.rejectValue("code", "customer.code.taken");
            } catch (UnknownOwnerException e) {
                result.rejectValue("ownerId", "customer.owner.invalid");
            }
        }
        addFormChoices(viewer, model, null);
        return "customers/form";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Viewer viewer, Model model) {
        Customer customer = customers.get(viewer, id);
        model.addAttribute("form", CustomerForm.of(customer));
        model.addAttribute("customerId", id);
        addFormChoices(viewer, model, customer.getStatus());
        return "customers/form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CustomerForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Customer before = customers.get(viewer, id);
        PlaceFields.followAddress(form, before);
        checkCrossFieldRules(form, before.getStatus(), result, viewer);
        if (!result.hasErrors() && !before.getName().equals(form.getName())
                && !sameNameConfirmed(form, id, viewer, model)) {
            model.addAttribute("customerId", id);
            addFormChoices(viewer, model, before.getStatus());
            return "customers/form";
        }
        if (!result.hasErrors()) {
            try {
                customers.update(viewer, id, form.getVersion(), form.toProfile(), form.getOwnerId());
                redirect.addFlashAttribute("flash", "flash.customer.updated");
                return "redirect:/customers/" + id;
            } catch (StaleCustomerException | ObjectOptimisticLockingFailureException e) {
                return conflict(id, form, viewer, model, response);
            } catch (DuplicateCustomerCodeException | DataIntegrityViolationException e) {
                result.rejectValue("code", "customer.code.taken");
            } catch (UnknownOwnerException e) {
                result.rejectValue("ownerId", "customer.owner.invalid");
            }
        }
        model.addAttribute("customerId", id);
        addFormChoices(viewer, model, before.getStatus());
        return "customers/form";
    }

    /**
     * Someone saved first: show what this user typed beside the current values, and let them
     * save theirs deliberately against the current version. Nothing was written.
     */
    private String conflict(long id, CustomerForm mine, Viewer viewer, Model model, HttpServletResponse response) {
        Customer current = customers.get(viewer, id);
        model.addAttribute("comparison", ProfileComparison.rows(mine.toProfile(), current.profile(), messages,
                LocaleContextHolder.getLocale()));
        mine.setVersion(current.getVersion());
        model.addAttribute("customerId", id);
        model.addAttribute("form", mine);
        response.setStatus(HttpStatus.CONFLICT.value());
        addFormChoices(viewer, model, current.getStatus());
        return "customers/conflict";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        customers.delete(viewer, id);
        redirect.addFlashAttribute("flash", "flash.customer.deleted");
        return "redirect:/customers";
    }

    @PostMapping("/{id}/verify")
    String verify(@PathVariable long id, @RequestParam(required = false) String back,
            Viewer viewer, RedirectAttributes redirect) {
        customers.markVerified(viewer, id);
        redirect.addFlashAttribute("flash", "flash.customer.verified");
        return BackToMyDay.requested(back) ? "redirect:/my-day#verify" : "redirect:/customers/" + id;
    }

    /**
     * False when another customer has this name and the user has not yet said it is a different
     * company: the form comes back with the likely duplicates, nothing saved.
     */
    private boolean sameNameConfirmed(CustomerForm form, Long id, Viewer viewer, Model model) {
        if (form.isSameNameConfirmed()) {
            return true;
        }
        List<SameNames.Twin> twins = sameNames.of(viewer, form.getName(), id);
        model.addAttribute("sameName", twins);
        return twins.isEmpty();
    }

    /**
     * Losing a customer goes through its own form, which asks for the structured reason and
     * schedules the interview; this form only keeps a customer lost that already is.
     */
    private void checkCrossFieldRules(CustomerForm form, CustomerStatus saved, BindingResult result, Viewer viewer) {
        if (form.getStatus() == CustomerStatus.LOST && saved != CustomerStatus.LOST) {
            result.rejectValue("status", "customer.status.lostOnItsOwnForm");
        } else if (form.lostWithoutReason()) {
            result.rejectValue("lostReason", "customer.lostReason.required");
        }
        PlaceFields.check(form, result);
        if (viewer.canReassignCustomers() && form.getOwnerId() == null) {
            result.rejectValue("ownerId", "customer.owner.required");
        }
    }

    /** The form's choices: "lost" only for a customer that is lost already (see checkCrossFieldRules). */
    private void addFormChoices(Viewer viewer, Model model, CustomerStatus saved) {
        boolean savedLost = saved == CustomerStatus.LOST;
        model.addAttribute("savedLost", savedLost);
        model.addAttribute("formStatuses", Arrays.stream(CustomerStatus.values())
                .filter(s -> savedLost || s != CustomerStatus.LOST).toList());
        addManagersIfDirector(viewer, model);
    }

    private void addManagersIfDirector(Viewer viewer, Model model) {
        if (viewer.canReassignCustomers()) {
            model.addAttribute("managers", team.accountManagers());
        }
    }
}
