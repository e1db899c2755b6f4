package com.keyaccount.crm.architecture.violations.cycle.first;

import com.keyaccount.crm.architecture.violations.cycle.second.Second;

/** A deliberate package cycle: first → second → first. */
public record First(Second second) {
}
