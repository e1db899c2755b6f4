package com.keyaccount.crm.bench;

import com.keyaccount.crm.attainment.application.Attainments;
import com.keyaccount.crm.duty.application.DutiesChanged;
import com.keyaccount.crm.duty.application.DutiesDue;
import com.keyaccount.crm.duty.application.DutyPolicies;
import com.keyaccount.crm.duty.application.DutyAttainment;
import com.keyaccount.crm.followup.application.MyDay;
import com.keyaccount.crm.followup.rules.RoleDuties;
import com.keyaccount.crm.org.Scopes;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the duties per role cost (issue 19), on the organisation {@link AccessCheckBenchmark} builds:
 * My day's duty card (key accounts due for the user's visit, for their call, days at key accounts)
 * for the book's largest manager and for the province manager above them, each against My day's
 * own use case of the same run, the page that now carries the card, and the duties' attainment of
 * a month against the attainment report of the same month.
 */
final class DutiesBenchmark {

    private DutiesBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, String base, int samples) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        Scopes scopes = app.getBean(Scopes.class);
        DutiesDue duties = app.getBean(DutiesDue.class);
        MyDay myDay = app.getBean(MyDay.class);
        String username = jdbc.queryForObject("""
                SELECT u.username FROM app_user u JOIN customer c ON c.owner_id = u.id
                GROUP BY u.username ORDER BY COUNT(*) DESC LIMIT 1""", String.class);
        long managerId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
        long keyAccounts = jdbc.queryForObject("""
                SELECT COUNT(*) FROM customer c JOIN customer_tier t ON t.customer_id = c.id
                WHERE c.owner_id = ? AND t.effective_tier = 'A' AND c.deleted = FALSE""", Long.class, managerId);
        Viewer manager = scopes.resolve(new Viewer(managerId, username, Role.ACCOUNT_MANAGER));
        long provinceId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'bench-province'", Long.class);
        Viewer province = scopes.resolve(new Viewer(provinceId, "bench-province", Role.PROVINCE_MANAGER));

        // cold: the cards dropped before each sample, as a change of the duties (or a contact logged) does
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        Runnable drop = () -> tx.executeWithoutResult(status -> app.publishEvent(new DutiesChanged()));
        long[] useCase = HttpLoad.sample(samples, () -> myDay.of(managerId));
        long[] own = HttpLoad.sample(samples, () -> {
            drop.run();
            duties.of(manager);
        });
        long[] above = HttpLoad.sample(samples, () -> {
            drop.run();
            duties.of(province);
        });
        long[] kept = HttpLoad.sample(samples, () -> duties.of(manager));
        var card = duties.of(manager);
        long ownVisits = jdbc.queryForObject("""
                SELECT COUNT(*) FROM contact_log WHERE author_id = ? AND channel = 'VISIT'
                  AND occurred_at >= CURRENT_TIMESTAMP - INTERVAL '30 days'""", Long.class, managerId);
        TierBenchmark.report("(D) duties: the manager's %,d key accounts, %,d due for a visit, %,d for a call; their own "
                + "on-site visits in 30 days %,d (the book's density, not a person's)", keyAccounts,
                card.lists().get(0).total(), card.lists().get(1).total(), ownVisits);
        TierBenchmark.report("(D) My day's use case p50 %6.1f p95 %6.1f ms | the manager's duty card computed p50 %6.1f "
                + "p95 %6.1f ms (%.2f× the use case at p50), kept p50 %5.2f ms | the province manager's computed p50 %6.1f "
                + "p95 %6.1f ms", HttpLoad.ms(useCase, 50), HttpLoad.ms(useCase, 95), HttpLoad.ms(own, 50),
                HttpLoad.ms(own, 95), HttpLoad.ms(own, 50) / HttpLoad.ms(useCase, 50), HttpLoad.ms(kept, 50),
                HttpLoad.ms(above, 50), HttpLoad.ms(above, 95));

        // the page with the card against the page without (every duty blanked for the time), alternating
        // sample by sample so neither gets the warmer machine
        HttpClient client = HttpLoad.loggedIn(base, username);
        DutyPolicies policies = app.getBean(DutyPolicies.class);
        RoleDuties inForce = policies.current();
        RoleDuties none = new RoleDuties(Map.of());
        long[] with = new long[samples];
        long[] without = new long[samples];
        try {
            for (int i = -1; i < samples; i++) {
                policies.save("benchmark", inForce);
                long withCard = AccessCheckBenchmark.timed(() -> CustomerListBenchmark.get(client, base + "/my-day"));
                policies.save("benchmark", none);
                long withoutCard = AccessCheckBenchmark.timed(() -> CustomerListBenchmark.get(client, base + "/my-day"));
                if (i >= 0) {
                    with[i] = withCard;
                    without[i] = withoutCard;
                }
            }
        } finally {
            policies.save("benchmark", inForce);
        }
        Arrays.sort(with);
        Arrays.sort(without);
        CustomerListBenchmark.get(client, base + "/my-day");
        long[] keptPage = HttpLoad.sample(samples, () -> CustomerListBenchmark.get(client, base + "/my-day"));
        TierBenchmark.report("(D) GET /my-day (the manager) without duties p50 %6.1f p95 %6.1f ms | with the duty card "
                + "computed p50 %6.1f p95 %6.1f ms: %+6.1f ms at p50 | with the card kept p50 %6.1f p95 %6.1f ms: %+6.1f ms",
                HttpLoad.ms(without, 50), HttpLoad.ms(without, 95), HttpLoad.ms(with, 50), HttpLoad.ms(with, 95),
                HttpLoad.ms(with, 50) - HttpLoad.ms(without, 50), HttpLoad.ms(keptPage, 50), HttpLoad.ms(keptPage, 95),
                HttpLoad.ms(keptPage, 50) - HttpLoad.ms(without, 50));

        LocalDate today = LocalDate.now(app.getBean(ZoneId.class));
        LocalDate from = today.withDayOfMonth(1).minusMonths(1);
        LocalDate to = today.withDayOfMonth(1).minusDays(1);
        Viewer director = new Viewer(jdbc.queryForObject(
                "SELECT COALESCE(MIN(id), 0) FROM app_user WHERE role = 'SALES_DIRECTOR'", Long.class), "director", Role.SALES_DIRECTOR);
        Attainments attainments = app.getBean(Attainments.class);
        DutyAttainment dutyAttainment = app.getBean(DutyAttainment.class);
        int few = Math.max(3, samples / 5);
        long[] report = HttpLoad.sample(few, () -> attainments.report(director, from, to, null));
        long[] dutyReport = HttpLoad.sample(few, () -> dutyAttainment.of(director, from, to, null));
        TierBenchmark.report("(D) attainment of %s..%s for the director: the report p50 %7.1f ms | the duties' lines "
                + "(%d people) p50 %7.1f ms (%.2f× the report)", from, to, HttpLoad.ms(report, 50),
                dutyAttainment.of(director, from, to, null).people().size(), HttpLoad.ms(dutyReport, 50),
                HttpLoad.ms(dutyReport, 50) / HttpLoad.ms(report, 50));
    }
}
