package com.keyaccount.crm.contactlog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One interaction to record. {@code submissionToken} identifies the form it came from: the
 * same token submitted twice records one log.
 */
public record LogContactCommand(
        Channel channel,
        Instant occurredAt,
        String summary,
        String outcome,
        String nextStep,
        LocalDate agreedNextOn,
        String submissionToken) {
}
