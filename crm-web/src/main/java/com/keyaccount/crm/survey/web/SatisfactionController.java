package com.keyaccount.crm.survey.web;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.shared.RecordNotFoundException;
import com.keyaccount.crm.survey.Questionnaire;
import com.keyaccount.crm.survey.SurveyChannel;
import com.keyaccount.crm.survey.application.Questionnaires;
import com.keyaccount.crm.survey.application.SurveyLinks;
import com.keyaccount.crm.survey.application.SurveyResponses;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.ViolationFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 记录满意度 on the customer's page: the account manager records the answers of a call or a
 * visit, or creates the customer's personal link. Another manager's customer is a 404, as for
 * every customer route.
 */
@Controller
class SatisfactionController {

    /** Answers may be a few minutes ahead of the server clock (phone clocks drift), not more. */
    private static final long ALLOWED_CLOCK_SKEW_MINUTES = 10;

    private final CustomerService customers;
    private final Questionnaires questionnaires;
    private final SurveyResponses responses;
    private final SurveyLinks links;
    private final Clock clock;
    private final ZoneId zone;

    SatisfactionController(CustomerService customers, Questionnaires questionnaires, SurveyResponses responses,
            SurveyLinks links, Clock clock, ZoneId businessZone) {
        this.customers = customers;
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.links = links;
        this.clock = clock;
        this.zone = businessZone;
    }

    @GetMapping("/customers/{customerId}/satisfaction/new")
    String form(@PathVariable long customerId, Viewer viewer, Model model) {
        Customer customer = customers.get(viewer, customerId);
        Questionnaire q = questionnaires.current();
        model.addAttribute("form", SatisfactionForm.blank(q, LocalDateTime.now(clock.withZone(zone))));
        return show(customer, q, model);
    }

    @PostMapping("/customers/{customerId}/satisfaction")
    String record(@PathVariable long customerId, @Valid @ModelAttribute("form") SatisfactionForm form,
            BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect) {
        Customer customer = customers.get(viewer, customerId);
        Questionnaire q = questionnaireOf(form);
        SatisfactionForm.fit(form.getAnswers(), q);
        if (form.getChannel() == SurveyChannel.LINK) {
            result.rejectValue("channel", "satisfaction.channel.notLink");
        }
        if (form.getAnsweredAt() != null
                && form.getAnsweredAt().isAfter(LocalDateTime.now(clock.withZone(zone)).plusMinutes(ALLOWED_CLOCK_SKEW_MINUTES))) {
            result.rejectValue("answeredAt", "satisfaction.answeredAt.future");
        }
        if (result.hasFieldErrors("submissionToken")) {
            form.setSubmissionToken(UUID.randomUUID().toString());
        }
        ViolationFields.reject(result, responses.check(q.version(), SatisfactionForm.answers(form.getAnswers(), q)),
                v -> v.path().startsWith("answers[") ? v.path() + (q.at(index(v.path()) + 1).kind().rated() ? ".rating" : ".text") : null,
                v -> "satisfaction.violation." + v.code());
        if (result.hasErrors()) {
            return show(customer, q, model);
        }
        SurveyResponses.Recorded recorded;
        try {
            recorded = responses.record(viewer, customerId, form.toCommand(q, zone));
        } catch (DataIntegrityViolationException sameFormTwice) {
            recorded = responses.findSubmission(form.getSubmissionToken()).orElseThrow(() -> sameFormTwice);
        }
        redirect.addFlashAttribute("flash", recorded.duplicate() ? "flash.satisfaction.duplicate" : "flash.satisfaction.recorded");
        return "redirect:/customers/" + customerId + "#satisfaction";
    }

    /** Creates a personal link and shows it once: only its hash is kept, so it cannot be shown again. */
    @PostMapping("/customers/{customerId}/satisfaction/link")
    String link(@PathVariable long customerId, Viewer viewer, Model model, HttpServletRequest request) {
        Customer customer = customers.get(viewer, customerId);
        SurveyLinks.NewLink link = links.create(viewer, customerId);
        model.addAttribute("customer", customer);
        model.addAttribute("url", ServletUriComponentsBuilder.fromContextPath(request).path("/s/{token}")
                .buildAndExpand(link.token()).toUriString());
        model.addAttribute("expiresAt", link.expiresAt());
        return "surveys/link";
    }

    private String show(Customer customer, Questionnaire q, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("questionnaire", q);
        model.addAttribute("channels", List.of(SurveyChannel.PHONE, SurveyChannel.VISIT));
        return "surveys/record";
    }

    /** The version the form showed; a tampered number gets the version in force. */
    private Questionnaire questionnaireOf(SatisfactionForm form) {
        try {
            return questionnaires.version(form.getVersion());
        } catch (RecordNotFoundException tampered) {
            Questionnaire q = questionnaires.current();
            form.setVersion(q.version());
            return q;
        }
    }

    private static int index(String path) {
        return Integer.parseInt(path.substring(path.indexOf('[') + 1, path.indexOf(']')));
    }
}
