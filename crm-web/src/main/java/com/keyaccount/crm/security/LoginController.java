package com.keyaccount.crm.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** No wait is longer than this; a larger number in the address was not written by us. */
    private static final int LONGEST_WAIT_SECONDS = 60;

    @GetMapping("/login")
    String login(@RequestParam(name = "wait", required = false) String wait, Model model) {
        // the number comes back in the URL, so anyone can edit it: only a sane one is shown
        if (wait != null && wait.matches("[1-9][0-9]?")) {
            int seconds = Integer.parseInt(wait);
            if (seconds <= LONGEST_WAIT_SECONDS) {
                model.addAttribute("waitSeconds", seconds);
            }
        }
        return "login";
    }
}
