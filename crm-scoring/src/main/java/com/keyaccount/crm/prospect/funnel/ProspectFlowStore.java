package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.shared.DatabaseVendor;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On PostgreSQL, the whole book's stage changes per business day, move and stay length
 * ({@code prospect_flow_day}, kept by the triggers of migration V31), from which the funnel reads a
 * period's moves without reading the changes. The triggers need the business zone's offset, which
 * this class writes at start-up: the first time (a summary of what the history holds so far) and
 * whenever the configured zone's offset differs from the one the summary was built with.
 */
@Component
class ProspectFlowStore {

    private static final Logger log = LoggerFactory.getLogger(ProspectFlowStore.class);

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final int offsetSeconds;

    ProspectFlowStore(JdbcClient jdbc, DatabaseVendor database, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.postgres = !database.isH2();
        this.offsetSeconds = businessZone.getRules().getOffset(Instant.now()).getTotalSeconds();
    }

    /** The offset the business days are counted at, as in the summary. */
    int offsetSeconds() {
        return offsetSeconds;
    }

    /** Whether the summary is there and counts days as this application does (never on H2). */
    boolean inStep() {
        return postgres && stored().filter(off -> off == offsetSeconds).isPresent();
    }

    @EventListener(ContextRefreshedEvent.class)
    @Transactional
    public void buildIfNeeded() {
        if (!postgres || inStep()) {
            return;
        }
        // Holding the clock, no change is summed meanwhile: the triggers wait for it (V31), then
        // add their own changes, which this snapshot does not see.
        jdbc.sql("LOCK TABLE prospect_flow_clock IN EXCLUSIVE MODE").update();
        if (inStep()) {
            return;
        }
        jdbc.sql("DELETE FROM prospect_flow_day").update();
        int rows = jdbc.sql("""
                INSERT INTO prospect_flow_day (day, from_stage, to_stage, stay_days, changes)
                SELECT day, from_stage, to_stage, stay_days, count(*) FROM (
                  SELECT prospect_flow_day_of(s.changed_at, :off) AS day, s.from_stage, s.to_stage,
                         prospect_flow_day_of(s.changed_at, :off) - prospect_flow_day_of(COALESCE(
                           LAG(s.changed_at) OVER (PARTITION BY s.customer_id ORDER BY s.changed_at, s.id),
                           c.created_at), :off) AS stay_days
                  FROM prospect_stage_change s JOIN customer c ON c.id = s.customer_id
                  WHERE NOT c.deleted) x
                GROUP BY day, from_stage, to_stage, stay_days""").param("off", offsetSeconds).update();
        jdbc.sql("DELETE FROM prospect_flow_clock").update();
        jdbc.sql("INSERT INTO prospect_flow_clock (id, offset_seconds) VALUES (1, ?)").param(offsetSeconds).update();
        log.info("Prospect funnel: the stage-change summary was built ({} rows)", rows);
    }

    private Optional<Integer> stored() {
        return jdbc.sql("SELECT offset_seconds FROM prospect_flow_clock WHERE id = 1").query(Integer.class).optional();
    }
}
