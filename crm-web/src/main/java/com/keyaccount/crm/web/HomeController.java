package com.keyaccount.crm.web;

import com.keyaccount.crm.security.CrmUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Account managers start on My day; directors and admins on the whole customer list. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal CrmUser user) {
        return user != null && !user.role().seesAllCustomers() ? "redirect:/my-day" : "redirect:/customers";
    }
}
