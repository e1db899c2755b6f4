package com.keyaccount.crm.duty.application;

/** An admin changed the duties per role: what was computed from the old ones is dropped once committed. */
public record DutiesChanged() {
}
