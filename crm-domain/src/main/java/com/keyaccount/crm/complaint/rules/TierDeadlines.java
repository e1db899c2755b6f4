package com.keyaccount.crm.complaint.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;

/** For one tier: answer the customer within {@code answer}, resolve within {@code resolve}. */
public record TierDeadlines(WorkingSpan answer, WorkingSpan resolve) {

    List<Violation> violations(int dayMinutes) {
        List<Violation> found = new ArrayList<>();
        answer.violations().forEach(v -> found.add(v.under("answer")));
        resolve.violations().forEach(v -> found.add(v.under("resolve")));
        if (found.isEmpty() && resolve.minutes(dayMinutes) < answer.minutes(dayMinutes)) {
            // an answer after the resolution is due would make the answer deadline meaningless
            found.add(Violation.of("resolve", "resolveBeforeAnswer"));
        }
        return found;
    }
}
