package com.keyaccount.crm.web;

import com.keyaccount.crm.user.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Account managers start on My day; directors and admins on the whole customer list. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Viewer viewer) {
        // customer service and marketing start from the accounts of their teams; they have no day of visits
        return viewer != null && !viewer.role().seesAllCustomers() && !viewer.role().servesTeams() ? "redirect:/my-day"
                : "redirect:/customers";
    }
}
