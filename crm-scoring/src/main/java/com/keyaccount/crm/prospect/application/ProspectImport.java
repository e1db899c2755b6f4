package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.audit.ChangeQuery;
import com.keyaccount.crm.prospect.ImportedProspects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the stages and grades a customer file brings for its prospects, set-based (a file may
 * have 100k lines), audited like the prospect page's moves and re-grades: the audit first, since
 * it reads the values about to be replaced. An imported stage is a stage change by the importing
 * user with the reason {@value ImportedProspects#IMPORTED}; the ladder's conditions are not checked
 * (the import page says so).
 */
@Component
class ProspectImport implements ImportedProspects {

    private final ProspectLadders ladders;
    private final ProspectStore store;
    private final AuditTrail audit;

    ProspectImport(ProspectLadders ladders, ProspectStore store, AuditTrail audit) {
        this.ladders = ladders;
        this.store = store;
        this.audit = audit;
    }

    @Override
    public Ladder ladder() {
        ProspectLadders.InForce inForce = ladders.inForce();
        return new Ladder(inForce.version(), inForce.ladder());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> apply(String actor, long importId, Ladder ladder, Columns columns, Instant now) {
        ProspectStore.StagedProspects staged = new ProspectStore.StagedProspects(importId,
                ladder.ladder().lead().code(), columns);
        List<Long> regraded = columns.grade() ? store.regradedByImport(staged) : List.of();
        if (columns.stage()) {
            audit.fieldsChanged(actor, now, ProspectService.ENTITY, "stage", change(staged, "stage"));
        }
        if (columns.closeClass()) {
            audit.fieldsChanged(actor, now, ProspectService.ENTITY, "closeClass", change(staged, "close_class"));
        }
        if (columns.expectedMonthlyValue()) {
            audit.fieldsChanged(actor, now, ProspectService.ENTITY, "expectedMonthlyValue",
                    change(staged, "expected_monthly_value"));
        }
        if (columns.stage()) {
            store.recordImportedMoves(staged, actor, ladder.version(), now);
        }
        store.addImportedProspects(staged, now);
        store.updateImportedProspects(staged, now);
        return new ArrayList<>(regraded);
    }

    /** The prospects whose {@code column} the file changes, as the audit reads them before the change. */
    private static ChangeQuery change(ProspectStore.StagedProspects staged, String column) {
        String before = staged.before(column);
        String after = staged.after(column);
        return new ChangeQuery("""
                SELECT c.id AS entity_id, c.id AS customer_id, CAST(%1$s AS VARCHAR(2000)) AS old_value,
                    CAST(%2$s AS VARCHAR(2000)) AS new_value %3$s AND %1$s IS DISTINCT FROM %2$s"""
                .formatted(before, after, ProspectStore.StagedProspects.LINES), List.of(staged.importId()));
    }
}
