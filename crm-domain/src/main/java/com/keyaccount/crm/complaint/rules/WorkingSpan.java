package com.keyaccount.crm.complaint.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;

/** "4 working hours", "2 working days": how long after receipt an answer or a resolution is due. */
public record WorkingSpan(int amount, SpanUnit unit) {

    public static WorkingSpan hours(int amount) {
        return new WorkingSpan(amount, SpanUnit.HOURS);
    }

    public static WorkingSpan days(int amount) {
        return new WorkingSpan(amount, SpanUnit.DAYS);
    }

    /** In working minutes, a working day being {@code dayMinutes} long. */
    public long minutes(int dayMinutes) {
        return unit == SpanUnit.HOURS ? amount * 60L : (long) amount * dayMinutes;
    }

    List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (unit == null) {
            found.add(Violation.of("unit", "required"));
        }
        Violation.range(found, "amount", amount, 1, unit == SpanUnit.HOURS ? 200 : 60);
        return found;
    }
}
