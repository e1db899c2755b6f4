package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.survey.SurveyPlan;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The survey plan an admin edits: how often each tier is asked, after complaints, and a link's life. */
@Service
@Transactional(readOnly = true)
public class SurveyPlans {

    private final SurveyPlanStore store;
    private final AuditTrail audit;
    private final Clock clock;

    SurveyPlans(SurveyPlanStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public SurveyPlan current() {
        return store.current();
    }

    /** Saves the plan as a new version (audited field by field) unless it has violations, which are returned. */
    @Transactional
    public List<Violation> publish(Viewer admin, SurveyPlan plan) {
        List<Violation> violations = plan.violations();
        if (!violations.isEmpty()) {
            return violations;
        }
        SurveyPlan before = store.current();
        if (before.equals(plan)) {
            return List.of();
        }
        int version = store.add(plan, admin.username(), clock.instant());
        audit.changed(admin.username(), "SurveyPlan", version, null, before, plan);
        return List.of();
    }
}
