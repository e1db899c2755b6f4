package com.keyaccount.crm.checkin.web;

import com.keyaccount.crm.checkin.application.CustomerSites;
import com.keyaccount.crm.checkin.rules.CheckInVerdict;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's location (its pin for check-ins): typed decimal coordinates, or the phone's
 * position while standing at the customer. No map service is needed: the page links the pin to
 * the phone's own map app with a {@code geo:} link.
 */
@Controller
@RequestMapping("/customers/{customerId}/location")
@RequiredArgsConstructor
class LocationController {

    /** Longer than any way of writing two coordinates. */
    static final int MAX_TEXT = 100;

    private final CustomerService customers;
    private final CustomerSites sites;

    @GetMapping
    String form(@PathVariable long customerId, Viewer viewer, Model model) {
        Customer customer = customers.get(viewer, customerId);
        model.addAttribute("location", current(customer));
        return page(customer, model);
    }

    @PostMapping
    String typed(@PathVariable long customerId, @ModelAttribute("location") LocationForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        Customer customer = customers.get(viewer, customerId);
        String text = form.getCoordinates() == null ? "" : form.getCoordinates();
        CoordinatesText.Parsed parsed = text.length() > MAX_TEXT
                ? new CoordinatesText.Parsed(null, "checkin.location.format") : CoordinatesText.parse(text);
        if (parsed.problem() != null) {
            result.rejectValue("coordinates", parsed.problem());
            return page(customer, model);
        }
        sites.typed(viewer, customerId, parsed.point());
        redirect.addFlashAttribute("flash", "flash.location.saved");
        return "redirect:/customers/" + customerId + "#on-site";
    }

    @PostMapping("/device")
    String fromDevice(@PathVariable long customerId, @Valid @ModelAttribute("position") PositionForm position,
            BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Customer customer = customers.get(viewer, customerId);
        if (result.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("customer", customer);
            return "checkin/refused";
        }
        Optional<CheckInVerdict> refused = sites.fromDevice(viewer, customerId, position.toReading());
        if (refused.isPresent()) {
            model.addAttribute("location", current(customer));
            model.addAttribute("deviceRefused", refused.get());
            model.addAttribute("deviceAccuracy", position.getAccuracy());
            return page(customer, model);
        }
        redirect.addFlashAttribute("flash", "flash.location.saved");
        return "redirect:/customers/" + customerId + "#on-site";
    }

    private static LocationForm current(Customer customer) {
        LocationForm form = new LocationForm();
        form.setCoordinates(customer.getLocation() == null ? "" : customer.getLocation().text());
        return form;
    }

    private String page(Customer customer, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("limits", sites.limits());
        return "checkin/location";
    }
}
