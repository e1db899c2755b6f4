package com.keyaccount.crm.followup.web.admin;

import com.keyaccount.crm.followup.editor.QuotaDrafts;
import com.keyaccount.crm.followup.editor.QuotaPolicyVersion;
import com.keyaccount.crm.followup.application.ScheduleRefresh;
import com.keyaccount.crm.followup.rules.ChannelGroup;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.DraftAlreadyOpenException;
import com.keyaccount.crm.policy.StaleDraftException;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierNames;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.FormText;
import com.keyaccount.crm.web.PageNotFoundException;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins (see SecurityConfig: /admin/**) edit the visit quotas: the policy in force and older
 * versions, one open draft, its preview on live data, and publishing it as the next version.
 */
@Controller
@RequestMapping("/admin/quotas")
@RequiredArgsConstructor
class QuotaAdminController {

    private final QuotaDrafts drafts;
    private final TierNames tierNames;
    private final ScheduleRefresh refresh;
    private final Team team;

    @GetMapping
    String overview(Model model) {
        List<QuotaPolicyVersion> versions = drafts.versions();
        model.addAttribute("inForce", versions.get(0));
        model.addAttribute("older", versions.subList(1, versions.size()));
        model.addAttribute("draft", drafts.openDraft().orElse(null));
        model.addAttribute("refreshing", refresh.isRunning());
        common(model);
        return "admin/quotas";
    }

    @PostMapping("/drafts")
    String start(@RequestParam int fromVersion, Viewer viewer, RedirectAttributes redirect) {
        try {
            long id = drafts.start(viewer, fromVersion);
            redirect.addFlashAttribute("flash", "flash.quota.draftStarted");
            return "redirect:/admin/quotas/drafts/" + id;
        } catch (DraftAlreadyOpenException open) {
            redirect.addFlashAttribute("flash", "flash.quota.draftOpen");
            return "redirect:/admin/quotas/drafts/" + open.draftId();
        } catch (DataIntegrityViolationException startedMeanwhile) {
            redirect.addFlashAttribute("flash", "flash.quota.draftOpen");
            return "redirect:/admin/quotas";
        }
    }

    @GetMapping("/drafts/{id}")
    String edit(@PathVariable long id, Model model) {
        Draft<VisitQuotas> draft = draft(id);
        return editor(draft, QuotaForm.of(draft, tierNames.tiers()), model);
    }

    @PostMapping("/drafts/{id}")
    String save(@PathVariable long id, @RequestParam Map<String, String> params,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        Draft<VisitQuotas> draft = draft(id);
        QuotaForm form = QuotaForm.posted(params);
        if (form.hasErrors()) {
            model.addAttribute("formHasErrors", true);
            return editor(draft, form, model);
        }
        try {
            drafts.save(viewer, id, form.seenVersion(), form.quotas(), FormText.blankToNull(form.note()));
        } catch (StaleDraftException e) {
            model.addAttribute("stale", true);
            return editor(draft, form, model);
        }
        redirect.addFlashAttribute("flash", "flash.quota.draftSaved");
        return "redirect:/admin/quotas/drafts/" + id;
    }

    @GetMapping("/drafts/{id}/preview")
    String preview(@PathVariable long id, @RequestParam(required = false) Long manager, Model model) {
        Draft<VisitQuotas> draft = draft(id);
        model.addAttribute("draft", draft);
        model.addAttribute("form", QuotaForm.of(draft, tierNames.tiers()));
        model.addAttribute("inForce", drafts.versions().get(0));
        model.addAttribute("preview", drafts.preview(draft, manager));
        model.addAttribute("managers", team.accountManagers());
        model.addAttribute("manager", manager);
        common(model);
        return "admin/quota-preview";
    }

    @PostMapping("/drafts/{id}/publish")
    String publish(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        draft(id);
        try {
            drafts.publish(viewer, id);
            redirect.addFlashAttribute("flash", "flash.quota.published");
            return "redirect:/admin/quotas";
        } catch (DataIntegrityViolationException publishedMeanwhile) {
            redirect.addFlashAttribute("flash", "flash.quota.concurrent");
            return "redirect:/admin/quotas/drafts/" + id;
        }
    }

    @PostMapping("/drafts/{id}/discard")
    String discard(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        draft(id);
        drafts.discard(viewer, id);
        redirect.addFlashAttribute("flash", "flash.quota.discarded");
        return "redirect:/admin/quotas";
    }

    private String editor(Draft<VisitQuotas> draft, QuotaForm form, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("form", form);
        model.addAttribute("inForce", drafts.versions().get(0));
        common(model);
        return "admin/quota-draft";
    }

    private Draft<VisitQuotas> draft(long id) {
        return drafts.find(id).orElseThrow(() -> new PageNotFoundException("quota draft " + id));
    }

    private void common(Model model) {
        model.addAttribute("tiers", tierNames.tiers());
        model.addAttribute("groups", ChannelGroup.values());
    }
}
