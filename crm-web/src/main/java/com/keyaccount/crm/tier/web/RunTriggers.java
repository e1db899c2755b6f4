package com.keyaccount.crm.tier.web;

import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What started a recompute, as the tiers page names it ({@code ${@runTriggers.key(r.triggerKind)}}):
 * the runs table keeps the code the starter gave (INITIAL, MANUAL, SALES_IMPORT, "POLICY v2" …),
 * the page shows its label ("首次分级", "规则 v2 生效"), and a code it does not know as "other"
 * rather than the code itself.
 */
@Component("runTriggers")
public class RunTriggers {

    private static final Set<String> KNOWN = Set.of("INITIAL", "NIGHTLY", "MANUAL", "SALES_IMPORT", "SALES_API",
            "CUSTOMER_IMPORT");
    private static final String POLICY = "POLICY v";
    /** Who starts the runs no person starts (first start, the nightly run). */
    private static final String SYSTEM = "system";

    /** The message key of the trigger's label. */
    public String key(String trigger) {
        if (policyVersion(trigger) != null) {
            return "tiers.trigger.POLICY";
        }
        return "tiers.trigger." + (KNOWN.contains(trigger) ? trigger : "OTHER");
    }

    /** The policy version a "POLICY v2" run was started for, else null. */
    public Integer policyVersion(String trigger) {
        if (trigger == null || !trigger.startsWith(POLICY)) {
            return null;
        }
        String digits = trigger.substring(POLICY.length());
        return digits.matches("\\d{1,9}") ? Integer.valueOf(digits) : null;
    }

    /** Whether the run was started by the application itself rather than a user. */
    public boolean bySystem(String startedBy) {
        return SYSTEM.equals(startedBy);
    }
}
