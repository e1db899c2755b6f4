package com.keyaccount.crm.plan.application;

import com.keyaccount.crm.plan.AccountPlans;
import com.keyaccount.crm.plan.Quarter;
import com.keyaccount.crm.plan.application.PlanBoard.Shown;
import com.keyaccount.crm.user.Viewer;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * My day's line on the quarter's account plans: an account manager's top-tier accounts without a
 * plan and their plans returned for changes; a director's (or admin's) plans waiting for a
 * decision. Nothing for anyone else, or when nothing waits.
 */
@Service
public class PlanReminders {

    private final PlanBoard board;
    private final AccountPlans plans;

    PlanReminders(PlanBoard board, AccountPlans plans) {
        this.board = board;
        this.plans = plans;
    }

    /** What waits in the current quarter: for the owner, to write or mend; for a director, to decide. */
    public record Reminder(Quarter quarter, long withoutPlan, long returned, long waiting) {
    }

    public Optional<Reminder> of(Viewer viewer) {
        boolean decides = viewer.role().seesAllCustomers();
        if (!decides && viewer.seesOthers()) {
            return Optional.empty();
        }
        Quarter quarter = plans.currentQuarter();
        Map<Shown, Long> counts = board.counts(viewer, quarter);
        Reminder reminder = decides ? new Reminder(quarter, 0, 0, counts.get(Shown.SUBMITTED))
                : new Reminder(quarter, counts.get(Shown.NONE), counts.get(Shown.RETURNED), 0);
        return reminder.withoutPlan() + reminder.returned() + reminder.waiting() == 0 ? Optional.empty()
                : Optional.of(reminder);
    }
}
