package com.keyaccount.crm.tier.web;

import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.application.HeldByDesignationException;
import com.keyaccount.crm.tier.application.NotYetClassifiedException;
import com.keyaccount.crm.tier.application.TierOverrides;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.PlainText;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 高层指定 of a tier: directors and admins pin and unpin from the customer page. */
@Controller
@RequestMapping("/customers/{id}/tier-pin")
@RequiredArgsConstructor
class TierPinController {

    static final int MAX_REASON = 500;

    private final TierOverrides overrides;
    private final Clock clock;
    private final ZoneId businessZone;

    @PostMapping
    String pin(@PathVariable long id, @RequestParam(required = false) Tier tier,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            Viewer viewer, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (tier == null) {
            errors.put("tier", "tier.pin.tier.required");
        }
        String trimmed = reason.strip();
        if (trimmed.isEmpty()) {
            errors.put("reason", "tier.pin.reason.required");
        } else if (trimmed.length() > MAX_REASON) {
            errors.put("reason", "tier.pin.reason.tooLong");
        } else if (!ControlCharacters.absentFrom(trimmed, false)) {
            errors.put("reason", PlainText.CODE);
        }
        if (until != null && until.isBefore(LocalDate.now(clock.withZone(businessZone)))) {
            errors.put("until", "tier.pin.until.past");
        }
        if (errors.isEmpty()) {
            try {
                overrides.pin(viewer, id, tier, trimmed, until);
                redirect.addFlashAttribute("flash", "flash.tier.pinned");
                return "redirect:/customers/" + id + "#tier";
            } catch (NotYetClassifiedException e) {
                errors.put("tier", "tier.pin.notClassified");
            } catch (HeldByDesignationException e) {
                errors.put("tier", "tier.pin.designated");
            }
        }
        redirect.addFlashAttribute("pinErrors", errors);
        redirect.addFlashAttribute("pinTier", tier);
        redirect.addFlashAttribute("pinReason", reason);
        redirect.addFlashAttribute("pinUntil", until);
        return "redirect:/customers/" + id + "#tier";
    }

    @PostMapping("/remove")
    String unpin(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        try {
            overrides.unpin(viewer, id);
        } catch (HeldByDesignationException e) {
            redirect.addFlashAttribute("pinErrors", Map.of("tier", "tier.pin.designated"));
            return "redirect:/customers/" + id + "#tier";
        }
        redirect.addFlashAttribute("flash", "flash.tier.unpinned");
        return "redirect:/customers/" + id + "#tier";
    }
}
