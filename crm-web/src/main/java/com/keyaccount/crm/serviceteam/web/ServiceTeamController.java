package com.keyaccount.crm.serviceteam.web;

import com.keyaccount.crm.serviceteam.ServiceTeamRefusedException;
import com.keyaccount.crm.serviceteam.ServiceTeams;
import com.keyaccount.crm.user.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adds people to an account's service team and takes them off it, from the team's card on the customer page. */
@Controller
@RequestMapping("/customers/{id}/team")
@RequiredArgsConstructor
class ServiceTeamController {

    private final ServiceTeams teams;

    @PostMapping
    String add(@PathVariable long id, @RequestParam(required = false) Long userId, Viewer viewer,
            RedirectAttributes redirect) {
        try {
            teams.add(viewer, id, userId);
            redirect.addFlashAttribute("flash", "flash.team.added");
        } catch (ServiceTeamRefusedException e) {
            redirect.addFlashAttribute("teamRefused", "team.refused");
        }
        return "redirect:/customers/" + id + "#service-team";
    }

    @PostMapping("/{userId}/remove")
    String remove(@PathVariable long id, @PathVariable long userId, Viewer viewer, RedirectAttributes redirect) {
        teams.remove(viewer, id, userId);
        redirect.addFlashAttribute("flash", "flash.team.removed");
        return "redirect:/customers/" + id + "#service-team";
    }
}
