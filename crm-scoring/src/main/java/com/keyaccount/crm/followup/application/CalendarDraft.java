package com.keyaccount.crm.followup.application;

import java.time.Instant;

/** The open draft of calendar changes. */
public record CalendarDraft(long id, String createdBy, Instant createdAt, int changes) {
}
