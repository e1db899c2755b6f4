package com.keyaccount.crm.rules.application;

import com.keyaccount.crm.tier.rules.RuleSet;
import java.time.LocalDate;

/**
 * What a rule draft holds: the rules (tier method and parameters with the churn thresholds) and
 * the day they should take effect (null: on publication).
 */
public record RuleChange(RuleSet rules, LocalDate effectiveFrom) {
}
