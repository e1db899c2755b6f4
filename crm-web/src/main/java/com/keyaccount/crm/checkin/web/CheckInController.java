package com.keyaccount.crm.checkin.web;

import com.keyaccount.crm.checkin.application.CheckIns;
import com.keyaccount.crm.checkin.application.CheckIns.CheckedIn;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.BackToMyDay;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Check in and out at a customer from the phone (the customer page, or a row of My day). The
 * customer is looked up first, so another manager's customer answers 404 whatever was posted;
 * a position that is not one (out of range, not a number) answers 400 with what was wrong and
 * nothing is written. Back to where the button was: the customer's card, or My day with its filters.
 */
@Controller
@RequestMapping("/customers/{customerId}")
@RequiredArgsConstructor
class CheckInController {

    private final CustomerService customers;
    private final CheckIns checkIns;

    @PostMapping("/check-in")
    String checkIn(@PathVariable long customerId, @Valid @ModelAttribute("position") PositionForm position,
            BindingResult result, @RequestParam(required = false) String back,
            @RequestParam(required = false) Long manager, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String city, Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Customer customer = customers.get(viewer, customerId);
        if (result.hasErrors()) {
            return refused(customer, model, response);
        }
        try {
            CheckedIn done = checkIns.checkIn(viewer, customerId, position.toReading());
            redirect.addFlashAttribute("flash", done.alreadyOpen() ? "flash.checkin.already"
                    : done.endedElsewhere().isPresent() ? "flash.checkin.endedOther" : "flash.checkin.in");
        } catch (DataIntegrityViolationException sameUserAtOnce) {
            // two check-ins of the same user at the same moment: the other one holds the open slot
            redirect.addFlashAttribute("flash", "flash.checkin.already");
        }
        return "redirect:" + back(customerId, back, manager, tier, city);
    }

    @PostMapping("/check-out")
    String checkOut(@PathVariable long customerId, @Valid @ModelAttribute("position") PositionForm position,
            BindingResult result, @RequestParam(required = false) String back,
            @RequestParam(required = false) Long manager, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String city, Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Customer customer = customers.get(viewer, customerId);
        if (result.hasErrors()) {
            return refused(customer, model, response);
        }
        boolean out = checkIns.checkOut(viewer, customerId, position.toReading()).isPresent();
        redirect.addFlashAttribute("flash", out ? "flash.checkin.out" : "flash.checkin.notIn");
        return "redirect:" + back(customerId, back, manager, tier, city);
    }

    private static String refused(Customer customer, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("customer", customer);
        return "checkin/refused";
    }

    private static String back(long customerId, String back, Long manager, String tier, String city) {
        return BackToMyDay.requested(back) ? BackToMyDay.location(manager, tier, city)
                : "/customers/" + customerId + "#on-site";
    }
}
