package com.keyaccount.crm.rules.web;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.exporting.ExportLanguage;
import com.keyaccount.crm.exporting.Exports;
import com.keyaccount.crm.exporting.SpreadsheetFormat;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.Published;
import com.keyaccount.crm.policy.StaleDraftException;
import com.keyaccount.crm.preview.application.WhatIf;
import com.keyaccount.crm.rules.application.RuleChange;
import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.tier.LineTierQueries;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.Metric;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.tier.rules.TierMethod;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.FormText;
import com.keyaccount.crm.web.SeedText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins only (SecurityConfig: /admin/**): the rule editor. Draft → preview (who would move,
 * on live data, nothing written) → publish as the next numbered version, then recompute.
 */
@Controller
@RequestMapping("/admin/rules")
@RequiredArgsConstructor
class RuleEditorController {

    private final RuleDrafts drafts;
    private final WhatIf whatIf;
    private final LineTierQueries lineTiers;
    private final Exports exports;
    private final Clock clock;
    private final ZoneId businessZone;
    private final MessageSource messages;
    private final SeedText seedText;

    /**
     * Indexed fields ({@code criteria[3].bands[4].points}) grow the form's lists up to the editor's
     * size and no further: Spring's default of 256 let one request build hundreds of criteria (and
     * a larger index fail as a server error). A larger index answers 400 (ErrorPagesAdvice).
     */
    @InitBinder("ruleForm")
    void boundedRows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(Math.max(RuleForm.CRITERIA, CriterionForm.BANDS));
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("policy", drafts.policyInForce());
        model.addAttribute("rules", drafts.rulesInForce());
        model.addAttribute("waiting", drafts.waitingVersion().orElse(null));
        model.addAttribute("drafts", drafts.drafts());
        model.addAttribute("versions", drafts.versions());
        model.addAttribute("lineNames", lineNames());
        return "admin/rules/overview";
    }

    @PostMapping("/drafts")
    String start(Viewer viewer) {
        return "redirect:/admin/rules/drafts/" + drafts.start(viewer);
    }

    @GetMapping("/drafts/{id}")
    String edit(@PathVariable long id, Model model) {
        Draft<RuleChange> draft = drafts.draft(id);
        model.addAttribute("ruleForm", RuleFormOf.of(draft).namesShown(seedText::criterion));
        return editor(model, draft);
    }

    @PostMapping("/drafts/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("ruleForm") RuleForm form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        Draft<RuleChange> draft = drafts.draft(id);
        form.unsentKept(draft);
        form.check(result, today(), drafts::violations);
        if (result.hasErrors()) {
            form.padded();
            return editor(model, draft);
        }
        try {
            drafts.save(viewer, id, form.getDraftVersion(), form.toRules(seedText::criterionToStore).orElseThrow(), form.getEffectiveFrom(),
                    FormText.blankToNull(form.getNote()));
        } catch (StaleDraftException e) {
            result.reject("rules.draft.stale");
            form.padded();
            return editor(model, draft);
        } catch (IllegalArgumentException e) {
            result.reject("rules.invalid", new Object[] {e.getMessage()}, null);
            form.padded();
            return editor(model, draft);
        }
        redirect.addFlashAttribute("flash", "flash.rules.saved");
        return "redirect:/admin/rules/drafts/" + id + "/preview";
    }

    @GetMapping("/drafts/{id}/preview")
    String preview(@PathVariable long id, Model model) {
        Draft<RuleChange> draft = drafts.draft(id);
        model.addAttribute("draft", draft);
        model.addAttribute("preview", drafts.preview(draft));
        model.addAttribute("rulesNow", drafts.rulesInForce());
        model.addAttribute("newest", drafts.newestVersion());
        model.addAttribute("lineNames", lineNames());
        return "admin/rules/preview";
    }

    /** Every customer the draft would move, not only the ones listed on the page. */
    @GetMapping("/drafts/{id}/movers.csv")
    void movers(@PathVariable long id, Viewer viewer, Locale locale, HttpServletResponse response)
            throws IOException {
        Draft<RuleChange> draft = drafts.draft(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("rule-draft-" + id + "-movers-" + today() + ".csv", StandardCharsets.UTF_8).build()
                .toString());
        exports.write(viewer, "RULE_PREVIEW", MOVERS_HEADER, whatIf.moves(draft.content().rules()).map(m -> List.of(
                m.code(), m.name(), m.owner(), m.from().name(), m.to().name(),
                m.to().ordinal() < m.from().ordinal() ? "up" : "down", m.revenue(), m.orders(),
                nullable(m.averageDaysToPay()), nullable(m.score()), nullable(m.shareBefore()),
                nullable(m.margin()))),
                SpreadsheetFormat.CSV.on(response.getOutputStream(), new ExportLanguage(messages, locale)));
    }

    private static final String[] MOVERS_HEADER = {"code", "name", "owner", "tier_now", "tier_under_draft", "move",
        "revenue_in_window", "order_count", "avg_days_to_pay", "score", "share_before", "margin_in_window"};

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    @PostMapping("/drafts/{id}/publish")
    String publish(@PathVariable long id, @RequestParam long draftVersion, Viewer viewer,
            RedirectAttributes redirect) {
        try {
            Published published = drafts.publish(viewer, id, draftVersion);
            if (published.inForceNow()) {
                redirect.addFlashAttribute("flash", switch (published.catchUp()) {
                    case NOW -> "flash.rules.published";
                    case AFTER_CURRENT -> "flash.rules.publishedQueued";
                    case RUNNING_ELSEWHERE -> "flash.rules.publishedElsewhere";
                });
                return "redirect:/tiers";
            }
            redirect.addFlashAttribute("flash", "flash.rules.publishedLater");
            return "redirect:/admin/rules";
        } catch (StaleDraftException | DataIntegrityViolationException e) {
            redirect.addFlashAttribute("flash", "flash.rules.stale");
            return "redirect:/admin/rules";
        }
    }

    @PostMapping("/drafts/{id}/delete")
    String discard(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        drafts.discard(viewer, id);
        redirect.addFlashAttribute("flash", "flash.rules.discarded");
        return "redirect:/admin/rules";
    }

    @GetMapping("/versions/{version}")
    String version(@PathVariable int version, Model model) {
        TierPolicy policy = drafts.version(version);
        model.addAttribute("policy", policy);
        model.addAttribute("lineNames", lineNames());
        // churn thresholds are versioned apart and not shown for a tier version
        model.addAttribute("rules", policy.rules(ChurnThresholds.DEFAULT));
        return "admin/rules/version";
    }

    @PostMapping("/versions/{version}/restore")
    String restore(@PathVariable int version, Viewer viewer, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", "flash.rules.restored");
        return "redirect:/admin/rules/drafts/" + drafts.restore(viewer, version);
    }

    private String editor(Model model, Draft<RuleChange> draft) {
        model.addAttribute("draft", draft);
        model.addAttribute("methods", TierMethod.values());
        model.addAttribute("tiers", Tier.values());
        // the boundary fields of the tiers the form names: a tier named and saved brings its own
        int typed = model.getAttribute("ruleForm") instanceof RuleForm form ? form.tiersTyped()
                : draft.content().rules().ladder().size();
        model.addAttribute("tiersTyped", typed);
        model.addAttribute("lowerRows", IntStream.range(0, Math.max(0, typed - 3)).boxed().toList());
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("measures", Measure.values());
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("productLines", lineTiers.productLines());
        return "admin/rules/draft";
    }

    /** Product line names by id, for rules that name the line quotas follow. */
    private Map<Long, String> lineNames() {
        Map<Long, String> names = new HashMap<>();
        lineTiers.productLines().forEach(line -> names.put(line.getId(), line.displayName()));
        return names;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }
}
