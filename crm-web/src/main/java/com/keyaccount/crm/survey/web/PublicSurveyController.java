package com.keyaccount.crm.survey.web;

import com.keyaccount.crm.survey.Questionnaire;
import com.keyaccount.crm.survey.application.SurveyLinks;
import com.keyaccount.crm.survey.application.SurveyLinks.LinkState;
import com.keyaccount.crm.survey.application.SurveyLinks.Status;
import com.keyaccount.crm.web.ViolationFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The customer's personal survey page ({@code /s/{token}}): no sign-in, only the questionnaire
 * and the customer's name, in a page of its own without the app's menu. The token in the URL is
 * the only key; an unknown one is a 404, an answered or expired one a 410, each said plainly.
 */
@Controller
class PublicSurveyController {

    private final SurveyLinks links;
    private final SurveyRateLimiter limiter;

    PublicSurveyController(SurveyLinks links, SurveyRateLimiter limiter) {
        this.links = links;
        this.limiter = limiter;
    }

    @GetMapping("/s/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        noTraces(response);
        LinkState state = links.open(token);
        if (state.status() != Status.OPEN) {
            return closed(state.status(), model, response);
        }
        PublicSurveyForm form = new PublicSurveyForm();
        SatisfactionForm.fit(form.getAnswers(), state.questionnaire());
        model.addAttribute("form", form);
        return page(token, state, model);
    }

    @PostMapping("/s/{token}")
    String answer(@PathVariable String token, @Valid @ModelAttribute("form") PublicSurveyForm form,
            BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
        noTraces(response);
        if (!limiter.allow(request.getRemoteAddr(), token)) {
            response.setStatus(429);
            model.addAttribute("status", "LIMITED");
            return "surveys/public-closed";
        }
        LinkState open = links.open(token);
        if (open.status() != Status.OPEN) {
            return closed(open.status(), model, response);
        }
        Questionnaire q = open.questionnaire();
        SatisfactionForm.fit(form.getAnswers(), q);
        if (result.hasErrors()) {
            return page(token, open, model);
        }
        LinkState after = links.submit(token, SatisfactionForm.answers(form.getAnswers(), q));
        if (after.status() == Status.INVALID) {
            ViolationFields.reject(result, after.violations(),
                    v -> v.path().startsWith("answers[") ? v.path() + (q.at(index(v.path()) + 1).kind().rated() ? ".rating" : ".text") : null,
                    v -> "satisfaction.violation." + v.code());
            return page(token, after, model);
        }
        if (after.status() != Status.SUBMITTED) {
            return closed(after.status(), model, response);
        }
        model.addAttribute("status", "THANKS");
        model.addAttribute("customerName", after.customerName());
        return "surveys/public-closed";
    }

    private static String page(String token, LinkState state, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("customerName", state.customerName());
        model.addAttribute("questionnaire", state.questionnaire());
        return "surveys/public";
    }

    private static String closed(Status status, Model model, HttpServletResponse response) {
        response.setStatus(status == Status.UNKNOWN ? 404 : 410);
        model.addAttribute("status", status.name());
        return "surveys/public-closed";
    }

    /** The token is in the URL: no caching, and no referrer to any other site. */
    private static void noTraces(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private static int index(String path) {
        return Integer.parseInt(path.substring(path.indexOf('[') + 1, path.indexOf(']')));
    }
}
