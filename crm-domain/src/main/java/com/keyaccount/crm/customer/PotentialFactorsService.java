package com.keyaccount.crm.customer;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.audit.ChangeQuery;
import com.keyaccount.crm.shared.FiguresChanged;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's table of potential by two factors (seed 003). Changing a score re-scores at once
 * every customer whose potential was picked as those two levels, so the nine-grid, its zones and
 * the visit cadence follow the table; each change is audited.
 */
@Service
@RequiredArgsConstructor
public class PotentialFactorsService {

    private static final String ENTITY = "PotentialFactors";

    /** The table in force, its version (for saving over no one else's change) and its last author. */
    public record Setting(PotentialFactors factors, long version, String updatedBy, Instant updatedAt) {
    }

    /** What a save did: refused as stale (someone saved since), or saved and how many potentials moved. */
    public record Saved(boolean stale, int rescored) {
    }

    private final PotentialFactorsStore store;
    private final CustomerStore customers;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    @Transactional(readOnly = true)
    public Setting current() {
        return store.read();
    }

    /** @throws IllegalArgumentException for a table with violations, which the form checks first */
    @Transactional
    public Saved save(Viewer admin, PotentialFactors next, long seenVersion) {
        Violation.requireNone(next.violations());
        Setting before = store.read();
        Instant now = clock.instant();
        if (!store.write(next, seenVersion, admin.username(), now)) {
            return new Saved(true, 0);
        }
        audit.changed(admin.username(), ENTITY, 1, null, PotentialFactorsText.of(before.factors()),
                PotentialFactorsText.of(next));
        int rescored = 0;
        if (next.enabled()) {
            auditRescoring(admin, next, now);
            rescored = customers.rescorePotentials(next, admin.userId(), now);
        }
        if (rescored > 0) {
            events.publishEvent(new FiguresChanged("potential factors"));
            events.publishEvent(new PotentialsRescored(rescored));
        }
        return new Saved(false, rescored);
    }

    /** A row per customer whose potential the new table moves, before it moves (afterwards nothing tells). */
    private void auditRescoring(Viewer admin, PotentialFactors next, Instant now) {
        for (int row = 0; row < PotentialFactors.LEVELS; row++) {
            for (int column = 0; column < PotentialFactors.LEVELS; column++) {
                int score = next.score(row, column);
                audit.fieldsChanged(admin.username(), now, "Customer", "potential", new ChangeQuery("""
                        SELECT id AS entity_id, id AS customer_id, CAST(potential AS VARCHAR(2)) AS old_value,
                            CAST(? AS VARCHAR(2)) AS new_value
                        FROM customer WHERE potential_row = ? AND potential_column = ? AND potential <> ?""",
                        List.of(Integer.toString(score), row, column, score)));
            }
        }
    }
}
