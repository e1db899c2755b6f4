package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.prospect.ImportedProspects;
import com.keyaccount.crm.prospect.Prospect;
import com.keyaccount.crm.prospect.ProspectRepository;
import com.keyaccount.crm.prospect.ProspectStageChange;
import com.keyaccount.crm.prospect.ProspectStageChangeRepository;
import com.keyaccount.crm.prospect.ProspectTick;
import com.keyaccount.crm.prospect.ProspectTickRepository;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of {@code prospect}, {@code prospect_tick} and {@code prospect_stage_change}. */
@Component
class ProspectStore {

    private final ProspectRepository prospects;
    private final ProspectTickRepository ticks;
    private final ProspectStageChangeRepository changes;
    private final JdbcClient jdbc;

    ProspectStore(ProspectRepository prospects, ProspectTickRepository ticks, ProspectStageChangeRepository changes,
            JdbcClient jdbc) {
        this.prospects = prospects;
        this.ticks = ticks;
        this.changes = changes;
        this.jdbc = jdbc;
    }

    Optional<Prospect> find(long customerId) {
        return prospects.findById(customerId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Prospect save(Prospect prospect) {
        return prospects.save(prospect);
    }

    /** Writes pending changes now, so SQL later in the transaction (the schedule) reads them. */
    @Transactional(propagation = Propagation.MANDATORY)
    void flush() {
        prospects.flush();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recordMove(ProspectStageChange change) {
        changes.save(change);
    }

    List<ProspectTick> ticks(long customerId) {
        return ticks.findByIdCustomerId(customerId);
    }

    List<ProspectStageChange> history(long customerId) {
        return changes.findTop50ByCustomerIdOrderByChangedAtDescIdDesc(customerId);
    }

    /**
     * Records the tick, replacing an earlier one of the same condition. The customer's row is locked
     * first: two ticks of one condition at once (a double tap, two colleagues) then replace one
     * another instead of the second failing on the key the first just wrote.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void tick(ProspectTick tick) {
        jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(tick.getId().getCustomerId())
                .query(Long.class).optional();
        ticks.findById(tick.getId()).ifPresent(ticks::delete);
        ticks.save(tick);
    }

    /**
     * One customer import's staged lines of prospects (lines naming a stage, or of customers that
     * are prospects once the file's customers are written) and the SQL for the values they bring:
     * a column the file left out keeps the stored value, an empty grade cell clears it, an empty
     * stage keeps the stage. A prospect without a row stands at {@code lead}.
     */
    record StagedProspects(long importId, String lead, ImportedProspects.Columns columns) {

        /** The staged prospect lines; its one parameter is the import. */
        static final String LINES = """
                FROM customer_import_stage s JOIN customer c ON c.code = s.code
                LEFT JOIN prospect p ON p.customer_id = c.id
                WHERE s.import_id = ? AND (s.stage IS NOT NULL OR c.status = 'PROSPECT')""";

        StagedProspects {
            // written into the SQL as a literal: a ladder's codes are checked against this pattern
            if (!StageDefinition.CODE.matcher(lead).matches()) {
                throw new IllegalArgumentException("not a stage code: " + lead);
            }
        }

        /** The stored value of {@code column} as SQL over {@code p} (a missing row: the lead stage, no grade). */
        String before(String column) {
            return switch (column) {
                case "stage" -> "COALESCE(p.stage, '" + lead + "')";
                case "close_class", "expected_monthly_value" -> "p." + column;
                default -> throw new IllegalArgumentException(column);
            };
        }

        /** The value {@code column} is given, as SQL over {@code s} (the stage) and {@code p}. */
        String after(String column) {
            return switch (column) {
                case "stage" -> "COALESCE(s.stage, p.stage, '" + lead + "')";
                case "close_class" -> columns.closeClass() ? "s.close_class" : "p.close_class";
                case "expected_monthly_value" -> columns.expectedMonthlyValue() ? "s.expected_monthly_value"
                        : "p.expected_monthly_value";
                default -> throw new IllegalArgumentException(column);
            };
        }

        String regraded() {
            return "(" + before("close_class") + " IS DISTINCT FROM " + after("close_class") + " OR "
                    + before("expected_monthly_value") + " IS DISTINCT FROM " + after("expected_monthly_value") + ")";
        }

        String graded() {
            return "(" + after("close_class") + " IS NOT NULL OR " + after("expected_monthly_value") + " IS NOT NULL)";
        }
    }

    /** The customers whose grade the import changes (read before it does). */
    List<Long> regradedByImport(StagedProspects staged) {
        return jdbc.sql("SELECT c.id " + StagedProspects.LINES + " AND " + staged.regraded())
                .param(staged.importId()).query(Long.class).list();
    }

    /** Each staged line that moves its prospect becomes a stage change by {@code actor}, the reason "imported". */
    @Transactional(propagation = Propagation.MANDATORY)
    int recordImportedMoves(StagedProspects staged, String actor, int ladderVersion, Instant at) {
        return jdbc.sql("""
                INSERT INTO prospect_stage_change (customer_id, from_stage, to_stage, changed_at, changed_by,
                    ladder_version, conditions, reason)
                SELECT c.id, %1$s, s.stage, ?, ?, ?, NULL, '%2$s' %3$s AND s.stage IS NOT NULL AND %1$s <> s.stage"""
                .formatted(staged.before("stage"), ImportedProspects.IMPORTED, StagedProspects.LINES))
                .params(Timestamp.from(at), actor, ladderVersion, staged.importId()).update();
    }

    /**
     * Prospects without a row get one when the line moves them off the lead stage or grades them;
     * one standing at the lead stage stays there since it was created.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int addImportedProspects(StagedProspects staged, Instant at) {
        Timestamp now = Timestamp.from(at);
        String stage = staged.after("stage");
        return jdbc.sql("""
                INSERT INTO prospect (customer_id, stage, stage_since, close_class, expected_monthly_value, graded_at,
                    version)
                SELECT c.id, %1$s, CASE WHEN %1$s <> %2$s THEN ? ELSE c.created_at END, %3$s, %4$s,
                    CASE WHEN %5$s THEN CAST(? AS TIMESTAMP WITH TIME ZONE) END, 0
                %6$s AND p.customer_id IS NULL AND (%1$s <> %2$s OR %5$s)"""
                .formatted(stage, staged.before("stage"), staged.after("close_class"),
                        staged.after("expected_monthly_value"), staged.graded(), StagedProspects.LINES))
                .params(now, now, staged.importId()).update();
    }

    /** Prospects with a row take the line's stage and grade where these differ; their version moves on. */
    @Transactional(propagation = Propagation.MANDATORY)
    int updateImportedProspects(StagedProspects staged, Instant at) {
        Timestamp now = Timestamp.from(at);
        String moved = "(s.stage IS NOT NULL AND s.stage <> p.stage)";
        return jdbc.sql("""
                MERGE INTO prospect p
                USING (SELECT c.id AS customer_id, s.stage, s.close_class, s.expected_monthly_value
                       FROM customer_import_stage s JOIN customer c ON c.code = s.code
                       WHERE s.import_id = ? AND (s.stage IS NOT NULL OR c.status = 'PROSPECT')) s
                ON p.customer_id = s.customer_id
                WHEN MATCHED AND (%1$s OR %2$s) THEN UPDATE SET stage = COALESCE(s.stage, p.stage),
                    stage_since = CASE WHEN %1$s THEN ? ELSE p.stage_since END,
                    refusal_reason = CASE WHEN %1$s THEN NULL ELSE p.refusal_reason END,
                    refusal_note = CASE WHEN %1$s THEN NULL ELSE p.refusal_note END,
                    close_class = %3$s, expected_monthly_value = %4$s,
                    graded_at = CASE WHEN %2$s THEN ? ELSE p.graded_at END,
                    version = p.version + 1"""
                .formatted(moved, staged.regraded(), staged.after("close_class"),
                        staged.after("expected_monthly_value")))
                .params(staged.importId(), now, now).update();
    }

    /** Whether there was a tick to remove. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean untick(long customerId, String conditionKey) {
        return jdbc.sql("DELETE FROM prospect_tick WHERE customer_id = ? AND condition_key = ?")
                .params(customerId, conditionKey).update() > 0;
    }

    /** The contact is being deleted: ticks naming it keep their date and note, and name no one. */
    @Transactional(propagation = Propagation.MANDATORY)
    void releaseContact(long customerId, long contactId) {
        jdbc.sql("UPDATE prospect_tick SET contact_id = NULL WHERE customer_id = ? AND contact_id = ?")
                .params(customerId, contactId).update();
    }
}
