package com.keyaccount.crm.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Admins only (SecurityConfig: /admin/**): one entry to the consoles, so the menu stays short on a phone. */
@Controller
class AdminHomeController {

    @GetMapping("/admin")
    String home() {
        return "admin/index";
    }
}
