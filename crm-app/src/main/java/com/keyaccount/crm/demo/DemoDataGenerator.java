package com.keyaccount.crm.demo;

import com.keyaccount.crm.customer.ChinaDivisions;
import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.Place;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a deterministic book of customers, orders with payments, contacts and contact logs
 * with plain JDBC batches: the same seed and the same "today" give the same data, at demo
 * size (hundreds of customers) or benchmark size (100k customers, millions of orders). It reads
 * like a team that looks after its book: revenue is concentrated as in real books (about a fifth
 * of the customers A, {@link DemoOrders}), most customers buy steadily and few show a churn
 * warning, each customer's contacts follow its tier's visit quotas so that only a few are
 * overdue, and only by days ({@link DemoContactHistory}), and a customer's region, city, address
 * and phone agree ({@link DemoPlaces}). Orders are written first; the tiers they will earn
 * ({@link DemoTiers}) then set the pace of the contacts.
 */
public final class DemoDataGenerator {

    /**
     * How much to generate: the customers and the orders a year of one who buys all year. The
     * contacts follow from the visit quotas.
     */
    public record Size(int customers, int averageOrdersPerYear) {

        public static final Size DEMO = new Size(300, 20);
    }

    /**
     * The rules in force that the book is shaped to: the tier policy's Pareto cutoffs and window,
     * the visit quotas and the working days.
     */
    public record Rules(ParetoCutoffs pareto, int windowMonths, VisitQuotas quotas, WorkingCalendar calendar) {

        /** The rules a new database starts with (holidays aside). */
        public static final Rules DEFAULT = new Rules(ParetoCutoffs.DEFAULT, 12, VisitQuotas.DEFAULT,
                WorkingCalendar.WEEKDAYS_ONLY);
    }

    /** An account manager who will own an equal share of the customers. */
    public record Manager(long id, String region) {
    }

    /** Customers, in percent, outside their manager's own region. */
    private static final int OTHER_REGION_PERCENT = 20;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final LocalDate today;
    private final Rules rules;
    private final SplittableRandom random;

    public DemoDataGenerator(JdbcTemplate jdbc, ZoneId zone, LocalDate today, long seed, Rules rules) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.today = today;
        this.rules = rules;
        this.random = new SplittableRandom(seed);
    }

    /** The customers written, index by index: what the orders and contacts are generated from. */
    private record Book(long[] ids, long[] owners, DemoLifecycle[] lifecycles, double[] quantiles) {
    }

    /** Generates {@code size} into the database; returns the number of customers written. */
    public int generate(Size size, List<Manager> managers) {
        List<DemoProductLines.Line> productLines = DemoProductLines.insert(jdbc, nineAm(today, zone));
        Book book = insertCustomers(size, managers);
        int count = book.ids().length;
        long[] netCents = new long[count];
        DemoOrders orderHistory = new DemoOrders(random, today, today.minusMonths(rules.windowMonths()).plusDays(1),
                zone, productLines, size.averageOrdersPerYear());
        try (JdbcBatch orders = new JdbcBatch(jdbc, """
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, paid_date, created_at,
                                         product_line_id, margin, refers_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             JdbcBatch contacts = new JdbcBatch(jdbc, """
                INSERT INTO contact (customer_id, name, title, decision_role, phone, email, birthday, anniversary,
                                     notes, created_at, birthday_md, anniversary_md)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < count; i++) {
                netCents[i] = orderHistory.write(book.ids()[i], book.lifecycles()[i], book.quantiles()[i], orders::add);
                contactsFor(book.ids()[i], contacts::add);
            }
        }
        Tier[] tiers = DemoTiers.of(book.ids(), netCents, rules.pareto());
        DemoContactHistory history = new DemoContactHistory(random, today, zone, rules.quotas(), rules.calendar());
        try (JdbcBatch logs = new JdbcBatch(jdbc, """
                INSERT INTO contact_log (customer_id, author_id, channel, occurred_at, summary, outcome, next_step,
                                         agreed_next_on, submission_token, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < count; i++) {
                history.write(book.ids()[i], book.owners()[i], book.lifecycles()[i], tiers[i], logs::add);
            }
        }
        return count;
    }

    private Book insertCustomers(Size size, List<Manager> managers) {
        int count = size.customers();
        DemoLifecycle[] lifecycles = new DemoLifecycle[count];
        for (int i = 0; i < count; i++) {
            lifecycles[i] = DemoLifecycle.draw(random);
        }
        double[] quantiles = buyerQuantiles(lifecycles);
        Set<String> names = new HashSet<>();
        List<Object[]> rows = new ArrayList<>(Math.min(count, JdbcBatch.SIZE));
        for (int i = 0; i < count; i++) {
            Manager owner = managers.get(i % managers.size());
            String industry = pick(DemoWords.INDUSTRIES);
            String region = random.nextInt(100) < OTHER_REGION_PERCENT ? pick(DemoWords.REGIONS) : owner.region();
            DemoPlaces.City city = DemoPlaces.in(region, random);
            DemoLifecycle lifecycle = lifecycles[i];
            // the company's own turnover, some 30 to 330 times what it buys from us
            double turnover = DemoOrders.yearlyYuan(quantiles[i]) * (30 + random.nextInt(300));
            long annualSales = Math.max(1_000_000L, Math.round(turnover / 10_000) * 10_000);
            OffsetDateTime created = nineAm(today.minusDays(400 + random.nextInt(800)), zone);
            String address = city.address(random);
            // as the form would: the province and city its address names
            Place place = ChinaDivisions.get().placeOf(address);
            rows.add(new Object[] {
                String.format("C%06d", i + 1),
                DemoPlaces.companyName(city, DemoWords.INDUSTRY_SUFFIX.get(industry), random, names),
                industry, region, BigDecimal.valueOf(annualSales).setScale(2),
                (int) Math.max(10, annualSales / (300_000 + random.nextInt(900_000))),
                city.phone(random), random.nextInt(3) == 0 ? city.phone(random) : null, address,
                place.provinceCode(), place.cityCode(), owner.id(), lifecycle.status,
                lifecycle == DemoLifecycle.LOST ? pick(DemoWords.LOST_REASONS) : null,
                random.nextInt(5) == 0,
                random.nextInt(3) == 0 ? "有意扩大合作范围" : null,
                // most profiles were checked this quarter; one in ten is due for its quarterly check
                created, nineAm(today.minusDays(random.nextInt(100)), zone), created});
            if (rows.size() == JdbcBatch.SIZE || i == count - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO customer (code, name, industry, region, annual_sales, employee_count, phone, fax,
                                              address, province_code, city_code, owner_id, status, lost_reason,
                                              long_term_agreement, cooperation_intent, created_at, verified_at,
                                              updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
                rows.clear();
            }
        }
        long[] ids = new long[count];
        long[] owners = new long[count];
        jdbc.query("SELECT id, owner_id, code FROM customer ORDER BY code", rs -> {
            int index = Integer.parseInt(rs.getString("code").substring(1)) - 1;
            if (index >= 0 && index < count) {
                ids[index] = rs.getLong("id");
                owners[index] = rs.getLong("owner_id");
            }
        });
        return new Book(ids, owners, lifecycles, quantiles);
    }

    /**
     * Each customer's place among the buyers, 0 to 1: the buyers share the quantiles evenly in
     * random order, so even a small book has the whole spread of revenue. Prospects get one too,
     * for the size of their company.
     */
    private double[] buyerQuantiles(DemoLifecycle[] lifecycles) {
        int buyers = 0;
        for (DemoLifecycle lifecycle : lifecycles) {
            buyers += lifecycle.buys() ? 1 : 0;
        }
        int[] slots = new int[buyers];
        for (int i = 0; i < buyers; i++) {
            int j = random.nextInt(i + 1);
            slots[i] = slots[j];
            slots[j] = i;
        }
        double[] quantiles = new double[lifecycles.length];
        int next = 0;
        for (int i = 0; i < lifecycles.length; i++) {
            double slot = lifecycles[i].buys() ? slots[next++] : random.nextInt(Math.max(1, buyers));
            quantiles[i] = (slot + random.nextDouble()) / Math.max(1, buyers);
        }
        return quantiles;
    }

    private void contactsFor(long customerId, Consumer<Object[]> sink) {
        int count = 1 + random.nextInt(3);
        for (int n = 0; n < count; n++) {
            String[] title = n == 0 ? DemoWords.TITLES[random.nextInt(2)] : pick(DemoWords.TITLES);
            LocalDate birthday = LocalDate.of(1960 + random.nextInt(40), 1, 1).plusDays(random.nextInt(365));
            LocalDate anniversary = random.nextInt(6) == 0
                    ? today.minusYears(1 + random.nextInt(10)).minusDays(random.nextInt(365)) : null;
            sink.accept(new Object[] {customerId, pick(DemoWords.SURNAMES) + pick(DemoWords.GIVEN), title[0], title[1],
                "1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000)),
                random.nextInt(2) == 0 ? "contact" + customerId + "_" + n + "@example.cn" : null,
                birthday, anniversary, random.nextInt(4) == 0 ? "喜欢喝茶，周五下午不便打扰" : null,
                nineAm(today.minusDays(400), zone), Contact.monthDay(birthday), Contact.monthDay(anniversary)});
        }
    }

    /** 09:00 on the business day, as stored (UTC). */
    static OffsetDateTime nineAm(LocalDate day, ZoneId zone) {
        return day.atTime(9, 0).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
