package com.keyaccount.crm.care.application;

import com.keyaccount.crm.care.application.CareTaskStore.NewTask;
import com.keyaccount.crm.scoring.care.CareOccasions;
import com.keyaccount.crm.scoring.care.CareRules;
import com.keyaccount.crm.tier.Tier;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the care tasks that are due: contacts' birthdays and anniversaries and the chosen
 * holidays for customers of the care tiers, {@code leadDays} ahead; thank-you calls the day
 * after a first order or a large one. Run by a nightly job and, at most once a day per server,
 * on the first read of My day or the care page; a task's unique key makes any second run,
 * here or on another instance, write nothing.
 */
@Service
public class CareTaskMaker {

    private final JdbcClient jdbc;
    private final CareTaskStore store;
    private final CarePolicies policies;
    private final Clock clock;
    private final ZoneId zone;
    private final OncePerDay daily = new OncePerDay();
    private final TransactionTemplate once;

    CareTaskMaker(JdbcClient jdbc, CareTaskStore store, CarePolicies policies, Clock clock, ZoneId businessZone,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.once = new TransactionTemplate(transactions);
        this.store = store;
        this.policies = policies;
        this.clock = clock;
        this.zone = businessZone;
    }

    /**
     * Makes today's tasks unless this server already did today. The check comes before any
     * transaction: My day calls this on every visit, and a transaction begun only to find the
     * tasks made is a connection taken from the pool for nothing.
     */
    public void makeDueOncePerDay() {
        // through the template: makeDue's own annotation does not apply to a call from this class
        daily.run(today(), () -> once.executeWithoutResult(status -> makeDue()));
    }

    /** Makes every task due today; returns how many were new. */
    @Transactional
    public int makeDue() {
        LocalDate today = today();
        CareRules rules = policies.inForce();
        List<NewTask> tasks = new ArrayList<>();
        if (!rules.careTiers().isEmpty()) {
            tasks.addAll(specialDays(rules, today));
        }
        tasks.addAll(thankYous(rules, today));
        int made = store.insert(tasks, clock.instant());
        made += holidays(rules, today);
        daily.done(today);
        return made;
    }

    private List<NewTask> specialDays(CareRules rules, LocalDate today) {
        Set<Short> keys = new LinkedHashSet<>();
        for (int i = 0; i <= rules.leadDays(); i++) {
            MonthDay md = MonthDay.from(today.plusDays(i));
            keys.add((short) (md.getMonthValue() * 100 + md.getDayOfMonth()));
            if (md.getMonthValue() == 2 && md.getDayOfMonth() == 28) {
                keys.add((short) 229);
            }
        }
        List<String> tiers = rules.careTiers().stream().map(Tier::name).sorted().toList();
        String in = String.join(",", Collections.nCopies(keys.size(), "?"));
        List<Object> args = new ArrayList<>(tiers);
        args.addAll(keys);
        args.addAll(keys);
        List<NewTask> tasks = new ArrayList<>();
        jdbc.sql("""
                SELECT p.id, p.birthday, p.anniversary, c.id AS customer_id, c.owner_id
                FROM contact p JOIN customer c ON c.id = p.customer_id
                JOIN customer_tier t ON t.customer_id = c.id
                WHERE c.deleted = FALSE AND c.status IN ('ACTIVE', 'DORMANT')
                  AND t.effective_tier IN (%s)
                  AND (p.birthday_md IN (%s) OR p.anniversary_md IN (%s))"""
                .formatted(String.join(",", Collections.nCopies(tiers.size(), "?")), in, in))
                .params(args).query(rs -> {
                    long contact = rs.getLong("id");
                    long customer = rs.getLong("customer_id");
                    long owner = rs.getLong("owner_id");
                    add(tasks, "BIRTHDAY", rs.getDate("birthday"), contact, customer, owner, today, rules);
                    add(tasks, "ANNIVERSARY", rs.getDate("anniversary"), contact, customer, owner, today, rules);
                });
        return tasks;
    }

    private static void add(List<NewTask> tasks, String occasion, Date original, long contact, long customer,
            long owner, LocalDate today, CareRules rules) {
        if (original == null) {
            return;
        }
        CareOccasions.yearlyWithin(original.toLocalDate(), today, rules.leadDays()).ifPresent(day -> tasks.add(
                new NewTask(CareOccasions.key(occasion, customer, contact, String.valueOf(day.getYear())), customer,
                        contact, occasion, null, day, owner)));
    }

    private int holidays(CareRules rules, LocalDate today) {
        if (rules.holidays().isEmpty() || rules.careTiers().isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(rules.holidays());
        // a holiday's first day: the earliest day of that name within the year, looked at from a
        // little before today so that a stretch already begun is not taken for a new one
        args.add(Date.valueOf(today.minusDays(20)));
        args.add(Date.valueOf(today.plusDays(rules.leadDays())));
        List<Object[]> firstDays = jdbc.sql("""
                SELECT name_zh, MIN(calendar_date) AS first_day FROM calendar_day
                WHERE kind = 'HOLIDAY' AND name_zh IN (%s) AND calendar_date BETWEEN ? AND ?
                GROUP BY name_zh""".formatted(String.join(",", Collections.nCopies(rules.holidays().size(), "?"))))
                .params(args).query((rs, n) -> new Object[] {rs.getString("name_zh"),
                    rs.getDate("first_day").toLocalDate()}).list();
        List<Object> tierArgs = new ArrayList<>(rules.careTiers().stream().map(Tier::name).sorted().toList());
        String tiersIn = String.join(",", Collections.nCopies(tierArgs.size(), "?"));
        int made = 0;
        for (Object[] holiday : firstDays) {
            LocalDate first = (LocalDate) holiday[1];
            if (CareOccasions.holidayWithin(first, today, rules.leadDays())) {
                made += store.insertHoliday((String) holiday[0], first, tiersIn, tierArgs, clock.instant());
            }
        }
        return made;
    }

    private List<NewTask> thankYous(CareRules rules, LocalDate today) {
        List<NewTask> tasks = new ArrayList<>();
        jdbc.sql("""
                SELECT o.order_no, o.order_date, o.amount, c.id AS customer_id, c.owner_id,
                       NOT EXISTS (SELECT 1 FROM sales_order e WHERE e.customer_id = o.customer_id AND e.amount > 0
                           AND (e.order_date < o.order_date OR (e.order_date = o.order_date AND e.id < o.id)))
                           AS first_order
                FROM sales_order o JOIN customer c ON c.id = o.customer_id
                WHERE o.order_date BETWEEN ? AND ? AND o.amount > 0 AND c.deleted = FALSE AND c.status <> 'LOST'""")
                .params(Date.valueOf(today.minusDays(rules.leadDays())), Date.valueOf(today))
                .query(rs -> {
                    LocalDate on = rs.getDate("order_date").toLocalDate();
                    if (CareOccasions.thankYouDue(on, rs.getBigDecimal("amount"), rs.getBoolean("first_order"),
                            rules.largeOrder(), today, rules.leadDays())) {
                        long customer = rs.getLong("customer_id");
                        String orderNo = rs.getString("order_no");
                        tasks.add(new NewTask(CareOccasions.key("THANK_YOU", customer, null, orderNo), customer, null,
                                "THANK_YOU", orderNo, CareOccasions.thankYouOn(on), rs.getLong("owner_id")));
                    }
                });
        return tasks;
    }

    /** Today's business date. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
