package com.keyaccount.crm.prospect.editor;

import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who stands on a stage: the prospects whose row names it and, on the lead stage, the prospects
 * without a row (they stand on the ladder's first stage until their first tick, grading or move).
 * A stage with prospects on it cannot leave the ladder: they would stand nowhere.
 */
@Component
class StagesInUse {

    static final String STAGE_IN_USE = "stageInUse";
    static final String LEAD_IN_USE = "leadInUse";

    private final JdbcClient jdbc;

    StagesInUse(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The prospects on {@code code}, counting those without a row when it is the lead stage. */
    long count(String code, boolean lead) {
        long recorded = jdbc.sql("""
                SELECT COUNT(*) FROM prospect p JOIN customer c ON c.id = p.customer_id
                WHERE p.stage = ? AND c.deleted = FALSE""").param(code).query(Long.class).single();
        return lead ? recorded + withoutRow() : recorded;
    }

    private long withoutRow() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM customer c
                WHERE c.status = 'PROSPECT' AND c.deleted = FALSE
                  AND NOT EXISTS (SELECT 1 FROM prospect p WHERE p.customer_id = c.id)""")
                .query(Long.class).single();
    }

    /**
     * What publishing {@code next} over {@code now} would strand: a stage of {@code now} whose code
     * is gone while prospects stand on it ({@link #STAGE_IN_USE}: the code, its names, how many),
     * and a new first stage while prospects without a row stand on the old one ({@link #LEAD_IN_USE}).
     */
    List<Violation> stranded(ProspectLadder now, ProspectLadder next) {
        List<Violation> found = new ArrayList<>();
        Set<String> kept = next.stages().stream().map(StageDefinition::code).collect(Collectors.toSet());
        String lead = now.stages().isEmpty() ? null : now.lead().code();
        for (StageDefinition stage : now.stages()) {
            if (!kept.contains(stage.code())) {
                long on = count(stage.code(), stage.code().equals(lead));
                if (on > 0) {
                    found.add(Violation.of("stages", STAGE_IN_USE, stage.code(), stage.nameZh(), stage.nameEn(), on));
                }
            }
        }
        boolean leadChanges = lead != null && kept.contains(lead) && !next.stages().isEmpty()
                && !lead.equals(next.stages().get(0).code());
        if (leadChanges) {
            long on = withoutRow();
            if (on > 0) {
                StageDefinition old = now.lead();
                found.add(Violation.of("stages", LEAD_IN_USE, old.code(), old.nameZh(), old.nameEn(), on));
            }
        }
        return found;
    }
}
