package com.keyaccount.crm.contactlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One interaction to record. {@code submissionToken} identifies the form it came from: the
 * same token submitted twice records one log. {@code participants}: the colleagues who came along
 * (协访), each once; the contact counts for each of them as for its author.
 */
public record LogContactCommand(
        Channel channel,
        Instant occurredAt,
        String summary,
        String outcome,
        String nextStep,
        LocalDate agreedNextOn,
        String submissionToken,
        List<Long> participants) {

    public LogContactCommand {
        participants = participants == null ? List.of() : participants.stream().distinct().toList();
    }

    /** A contact made alone. */
    public LogContactCommand(Channel channel, Instant occurredAt, String summary, String outcome, String nextStep,
            LocalDate agreedNextOn, String submissionToken) {
        this(channel, occurredAt, summary, outcome, nextStep, agreedNextOn, submissionToken, List.of());
    }
}
