package com.keyaccount.crm.architecture.violations.cycle.second;

import com.keyaccount.crm.architecture.violations.cycle.first.First;

/** The other half of the deliberate cycle. */
public record Second(First first) {
}
