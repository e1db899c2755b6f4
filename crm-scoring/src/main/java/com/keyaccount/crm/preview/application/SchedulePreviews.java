package com.keyaccount.crm.preview.application;

import com.keyaccount.crm.followup.application.ScheduleInputs.CustomerSchedule;
import com.keyaccount.crm.followup.application.ScheduleInputs;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.scoring.schedule.DueShift;
import com.keyaccount.crm.scoring.schedule.ScheduleComparison;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs the follow-up schedule of every customer (or one manager's) twice, under the rules in
 * force and under proposed ones, and tallies the difference. Streams the book in chunks, so
 * memory holds counts and a capped sample, never the book.
 */
@Service
public class SchedulePreviews {

    static final int SAMPLE = 50;

    private final ScheduleInputs inputs;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;

    public SchedulePreviews(ScheduleInputs inputs, JdbcTemplate jdbc, Clock clock, ZoneId businessZone) {
        this.inputs = inputs;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** Proposed quotas under the calendar in force. */
    public SchedulePreview ofQuotas(VisitQuotas proposed, Long manager) {
        return compare(proposed, inputs.currentCalendar(), manager);
    }

    /** A proposed calendar under the quotas in force. */
    public SchedulePreview ofCalendar(WorkingCalendar proposed, Long manager) {
        return compare(inputs.currentQuotas().quotas(), proposed, manager);
    }

    private SchedulePreview compare(VisitQuotas proposedQuotas, WorkingCalendar proposedCalendar, Long manager) {
        long started = System.nanoTime();
        VisitQuotas quotas = inputs.currentQuotas().quotas();
        WorkingCalendar calendar = inputs.currentCalendar();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        ScheduleComparison comparison = new ScheduleComparison(today, SAMPLE);
        inputs.forEachCustomer(manager, (CustomerSchedule customer) -> comparison.add(customer.customerId(),
                customer.input().tier(), ScheduleInputs.due(customer, quotas, calendar).dueOn(),
                ScheduleInputs.due(customer, proposedQuotas, proposedCalendar).dueOn()));
        List<SchedulePreview.TierLine> lines = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            lines.add(new SchedulePreview.TierLine(tier, comparison.count(tier, DueShift.EARLIER),
                    comparison.count(tier, DueShift.LATER), comparison.count(tier, DueShift.UNCHANGED)));
        }
        SchedulePreview.TierLine total = new SchedulePreview.TierLine(null, comparison.total(DueShift.EARLIER),
                comparison.total(DueShift.LATER), comparison.total(DueShift.UNCHANGED));
        return new SchedulePreview(today, manager, comparison.customers(), lines, total, comparison.newlyOverdue(),
                named(comparison.sample()), comparison.sampleTruncated(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Names for the sample only: one query for at most {@value #SAMPLE} customers. */
    private List<SchedulePreview.Moved> named(List<ScheduleComparison.Moved> sample) {
        if (sample.isEmpty()) {
            return List.of();
        }
        Map<Long, String[]> names = new HashMap<>();
        String in = String.join(",", Collections.nCopies(sample.size(), "?"));
        jdbc.query("SELECT c.id, c.code, c.name, u.display_name FROM customer c JOIN app_user u ON u.id = c.owner_id "
                + "WHERE c.id IN (" + in + ")", rs -> {
                    names.put(rs.getLong("id"), new String[] {rs.getString("code"), rs.getString("name"),
                        rs.getString("display_name")});
                }, sample.stream().map(ScheduleComparison.Moved::customerId).toArray());
        return sample.stream().map(m -> {
            String[] n = names.getOrDefault(m.customerId(), new String[] {"", "", ""});
            return new SchedulePreview.Moved(m.customerId(), n[0], n[1], n[2], m.tier(), m.current(), m.proposed(),
                    m.shift());
        }).toList();
    }
}
