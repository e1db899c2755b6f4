package com.keyaccount.crm.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.followup.application.BusinessCalendar;
import com.keyaccount.crm.followup.application.QuotaPolicies;
import com.keyaccount.crm.followup.application.ScheduleInputs;
import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.preview.application.SchedulePreview;
import com.keyaccount.crm.preview.application.SchedulePreviews;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How long a preview of draft quotas / a draft calendar takes on the benchmark database
 * (100k customers, ~1M contact logs), e.g.
 * {@code CRM_BENCH_DB_URL=jdbc:postgresql://127.0.0.1/crm_bench CRM_BENCH_DB_USER=postgres}.
 * The session is made read-only first, so the benchmark data cannot be changed by it.
 */
@EnabledIfEnvironmentVariable(named = "CRM_BENCH_DB_URL", matches = ".+")
class SchedulePreviewBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SchedulePreviewBenchmark.class);

    @Test
    void previews_the_whole_book_in_bounded_memory() throws Exception {
        try (SingleConnectionDataSource data = new SingleConnectionDataSource(System.getenv("CRM_BENCH_DB_URL"),
                System.getenv().getOrDefault("CRM_BENCH_DB_USER", "postgres"),
                System.getenv().getOrDefault("CRM_BENCH_DB_PASSWORD", ""), true)) {
            Connection connection = data.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
            JdbcTemplate jdbc = new JdbcTemplate(data);
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            Clock clock = Clock.systemUTC();
            QuotaPolicies policies = new QuotaPolicies(jdbc);
            BusinessCalendar calendar = new BusinessCalendar(jdbc);
            SchedulePreviews previews = new SchedulePreviews(new ScheduleInputs(jdbc, policies, calendar,
                    () -> SeedLadder.ladder().cadenceDays(), zone), jdbc,
                    clock, zone);
            int customers = jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE deleted = FALSE", Integer.class);

            Map<Tier, TierCadence> byTier = new EnumMap<>(policies.current().quotas().byTier());
            byTier.put(Tier.A, new TierCadence(Cadence.every(5), byTier.get(Tier.A).onSiteVisit()));
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long heapBefore = runtime.totalMemory() - runtime.freeMemory();
            SchedulePreview quotas = previews.ofQuotas(new VisitQuotas(byTier, 7), null);
            long heapAfter = runtime.totalMemory() - runtime.freeMemory();
            log.warn("quota preview: {} customers, {} earlier, {} later, {} newly overdue, {} ms, heap {} MB",
                    quotas.customers(), quotas.total().earlier(), quotas.total().later(), quotas.newlyOverdue(),
                    quotas.millis(), (heapAfter - heapBefore) / 1_000_000);
            assertThat(quotas.customers()).isEqualTo(customers);
            assertThat(quotas.sample()).hasSizeLessThanOrEqualTo(50);

            WorkingCalendar current = calendar.workingCalendar();
            Set<LocalDate> holidays = new HashSet<>(current.holidays());
            LocalDate monday = LocalDate.now(zone).plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
            holidays.add(monday);
            SchedulePreview days = previews.ofCalendar(new WorkingCalendar(holidays, current.makeUpWorkdays()), null);
            log.warn("calendar preview (holiday on {}): {} later, {} ms", monday, days.total().later(), days.millis());
            assertThat(days.customers()).isEqualTo(customers);
        }
    }
}
