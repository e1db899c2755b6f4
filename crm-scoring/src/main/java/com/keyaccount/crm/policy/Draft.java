package com.keyaccount.crm.policy;

import java.time.Instant;

/**
 * A change to a policy before it is published, of any kind: {@code content} is the kind's part
 * (a rule set, a quota set, a list of calendar changes).
 *
 * @param basedOn    the version in force when the draft was opened (0 for a policy without numbers)
 * @param copiedFrom the version whose content the draft started from: older than {@code basedOn}
 *                   when an old version was restored
 * @param version    the optimistic lock: every save raises it, and a save or publish that names an
 *                   older one is refused
 */
public record Draft<C>(long id, int basedOn, int copiedFrom, C content, String note, String createdBy,
        Instant createdAt, String updatedBy, Instant updatedAt, long version) {
}
