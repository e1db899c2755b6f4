package com.keyaccount.crm.complaint.web;

import com.keyaccount.crm.complaint.application.ServicePolicies;
import com.keyaccount.crm.complaint.application.ServicePolicyVersion;
import com.keyaccount.crm.complaint.rules.ServicePolicy;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.complaint.rules.SpanUnit;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.DraftAlreadyOpenException;
import com.keyaccount.crm.policy.StaleDraftException;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.FormText;
import com.keyaccount.crm.web.PageNotFoundException;
import com.keyaccount.crm.web.ViolationFields;
import jakarta.validation.Valid;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
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

/**
 * Admins (SecurityConfig: /admin/**) edit the complaint service policy like the visit quotas:
 * the version in force and older ones, one open draft, publishing it as the next version.
 * Complaints received before keep the deadlines they were given.
 */
@Controller
@RequestMapping("/admin/complaint-policy")
@RequiredArgsConstructor
class ServicePolicyAdminController {

    private final ServicePolicies policies;

    @GetMapping
    String overview(Model model) {
        List<ServicePolicyVersion> versions = policies.versions();
        model.addAttribute("inForce", versions.get(0));
        model.addAttribute("older", versions.subList(1, versions.size()));
        model.addAttribute("draft", policies.openDraft().orElse(null));
        common(model);
        return "complaints/policy";
    }

    @PostMapping("/drafts")
    String start(@RequestParam int fromVersion, Viewer viewer, RedirectAttributes redirect) {
        try {
            long id = policies.start(viewer, fromVersion);
            redirect.addFlashAttribute("flash", "flash.complaintPolicy.draftStarted");
            return "redirect:/admin/complaint-policy/drafts/" + id;
        } catch (DraftAlreadyOpenException open) {
            redirect.addFlashAttribute("flash", "flash.complaintPolicy.draftOpen");
            return "redirect:/admin/complaint-policy/drafts/" + open.draftId();
        } catch (DataIntegrityViolationException | IllegalArgumentException startedMeanwhileOrNoSuchVersion) {
            redirect.addFlashAttribute("flash", "flash.complaintPolicy.draftOpen");
            return "redirect:/admin/complaint-policy";
        }
    }

    @GetMapping("/drafts/{id}")
    String edit(@PathVariable long id, Model model) {
        Draft<ServicePolicy> draft = draft(id);
        return editor(draft, ServicePolicyForm.of(draft.content(), draft.note(), draft.version()), model);
    }

    @PostMapping("/drafts/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("form") ServicePolicyForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        Draft<ServicePolicy> draft = draft(id);
        if (!result.hasErrors()) {
            ServicePolicy policy = form.policy();
            List<Violation> violations = policy.violations();
            ViolationFields.reject(result, violations, Violation::path,
                    v -> v.code().equals(Violation.MIN) || v.code().equals(Violation.MAX) ? "complaintPolicy.range"
                            : "complaintPolicy." + v.code());
            if (!result.hasErrors()) {
                try {
                    policies.save(viewer, id, form.getSeenVersion(), policy, FormText.blankToNull(form.getNote()));
                    redirect.addFlashAttribute("flash", "flash.complaintPolicy.draftSaved");
                    return "redirect:/admin/complaint-policy/drafts/" + id;
                } catch (StaleDraftException e) {
                    model.addAttribute("stale", true);
                }
            }
        }
        return editor(draft, form, model);
    }

    @PostMapping("/drafts/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) Long seenVersion, Viewer viewer,
            RedirectAttributes redirect) {
        draft(id);
        try {
            policies.publish(viewer, id, seenVersion);
            redirect.addFlashAttribute("flash", "flash.complaintPolicy.published");
            return "redirect:/admin/complaint-policy";
        } catch (DataIntegrityViolationException | StaleDraftException publishedOrSavedMeanwhile) {
            redirect.addFlashAttribute("flash", "flash.complaintPolicy.concurrent");
            return "redirect:/admin/complaint-policy/drafts/" + id;
        }
    }

    @PostMapping("/drafts/{id}/discard")
    String discard(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        draft(id);
        policies.discard(viewer, id);
        redirect.addFlashAttribute("flash", "flash.complaintPolicy.discarded");
        return "redirect:/admin/complaint-policy";
    }

    private String editor(Draft<ServicePolicy> draft, ServicePolicyForm form, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("form", form);
        model.addAttribute("inForce", policies.inForce());
        common(model);
        return "complaints/policy-draft";
    }

    private Draft<ServicePolicy> draft(long id) {
        return policies.find(id).orElseThrow(() -> new PageNotFoundException("complaint policy draft " + id));
    }

    private static void common(Model model) {
        // deadlines are set for the top three tiers; a longer ladder serves the tiers below as the third
        model.addAttribute("tiers", List.of(Tier.A, Tier.B, Tier.C));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("units", SpanUnit.values());
    }
}
