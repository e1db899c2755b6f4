package com.keyaccount.crm.demo;

import com.keyaccount.crm.customer.Contact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a deterministic book of customers, orders with payments, contacts and contact logs
 * with plain JDBC batches: the same seed and the same "today" give the same data, at demo
 * size (hundreds of customers) or benchmark size (100k customers, millions of orders).
 * Revenue per customer follows a Pareto distribution, so tiers come out as in real books. Each
 * order belongs to one of five product lines (mostly the customer's main one) and carries its
 * gross margin; about 4% are followed by a credit note or return naming the order, for part or
 * all of it, never more.
 */
public final class DemoDataGenerator {

    /** How much to generate. */
    public record Size(int customers, int averageOrdersPerYear, int averageContactLogsPerYear) {

        public static final Size DEMO = new Size(300, 20, 10);
    }

    /** Share of orders, in percent, that a credit note or return follows. */
    static final int CREDITED_PERCENT = 4;

    /** An account manager who will own an equal share of the customers. */
    public record Manager(long id, String region) {
    }

    
    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final LocalDate today;
    private final SplittableRandom random;
    private List<DemoProductLines.Line> productLines;

    public DemoDataGenerator(JdbcTemplate jdbc, ZoneId zone, LocalDate today, long seed) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.today = today;
        this.random = new SplittableRandom(seed);
    }

    /** Generates {@code size} into the database; returns the number of customers written. */
    public int generate(Size size, List<Manager> managers) {
        productLines = DemoProductLines.insert(jdbc, at(today));
        List<long[]> customers = insertCustomers(size, managers);
        try (JdbcBatch orders = new JdbcBatch(jdbc, """
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, paid_date, created_at,
                                         product_line_id, margin, refers_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             JdbcBatch contacts = new JdbcBatch(jdbc, """
                INSERT INTO contact (customer_id, name, title, decision_role, phone, email, birthday, anniversary,
                                     notes, created_at, birthday_md, anniversary_md)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             JdbcBatch logs = new JdbcBatch(jdbc, """
                INSERT INTO contact_log (customer_id, author_id, channel, occurred_at, summary, outcome, next_step,
                                         agreed_next_on, submission_token, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (long[] customer : customers) {
                long id = customer[0];
                long ownerId = customer[1];
                Lifecycle lifecycle = Lifecycle.values()[(int) customer[2]];
                ordersFor(id, lifecycle, size, orders::add);
                contactsFor(id, contacts::add);
                logsFor(id, ownerId, lifecycle, size, logs::add);
            }
        }
        return customers.size();
    }

    /** Returns rows of {id, ownerId, lifecycle ordinal}, in code order. */
    private List<long[]> insertCustomers(Size size, List<Manager> managers) {
        List<Object[]> rows = new ArrayList<>(size.customers());
        List<Lifecycle> lifecycles = new ArrayList<>(size.customers());
        for (int i = 1; i <= size.customers(); i++) {
            Manager owner = managers.get((i - 1) % managers.size());
            String industry = pick(DemoWords.INDUSTRIES);
            String region = random.nextInt(4) == 0 ? pick(DemoWords.REGIONS) : owner.region();
            Lifecycle lifecycle = Lifecycle.draw(random);
            lifecycles.add(lifecycle);
            OffsetDateTime created = at(today.minusDays(400 + random.nextInt(800)));
            OffsetDateTime verified = at(today.minusDays(random.nextInt(150)));
            rows.add(new Object[] {
                String.format("C%06d", i),
                pick(DemoWords.CITIES) + pick(DemoWords.WORDS) + DemoWords.INDUSTRY_SUFFIX.get(industry) + "有限公司",
                industry, region,
                BigDecimal.valueOf(1_000_000L + random.nextLong(500_000_000L)).setScale(2),
                20 + random.nextInt(5_000),
                "0" + (10 + random.nextInt(90)) + "-" + (60_000_000 + random.nextInt(30_000_000)),
                random.nextInt(3) == 0 ? "0" + (10 + random.nextInt(90)) + "-" + (60_000_000 + random.nextInt(30_000_000)) : null,
                pick(DemoWords.CITIES) + "市" + pick(DemoWords.WORDS) + "路" + (1 + random.nextInt(999)) + "号",
                owner.id(), lifecycle.status,
                lifecycle == Lifecycle.LOST ? pick(DemoWords.LOST_REASONS) : null,
                random.nextInt(5) == 0,
                random.nextInt(3) == 0 ? "有意扩大合作范围" : null,
                created, verified, created});
        }
        for (int from = 0; from < rows.size(); from += JdbcBatch.SIZE) {
            jdbc.batchUpdate("""
                    INSERT INTO customer (code, name, industry, region, annual_sales, employee_count, phone, fax, address,
                                          owner_id, status, lost_reason, long_term_agreement, cooperation_intent,
                                          created_at, verified_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    rows.subList(from, Math.min(rows.size(), from + JdbcBatch.SIZE)));
        }
        List<long[]> result = new ArrayList<>(rows.size());
        jdbc.query("SELECT id, owner_id, code FROM customer ORDER BY code", rs -> {
            int index = Integer.parseInt(rs.getString("code").substring(1)) - 1;
            if (index >= 0 && index < lifecycles.size()) {
                result.add(new long[] {rs.getLong("id"), rs.getLong("owner_id"), lifecycles.get(index).ordinal()});
            }
        });
        return result;
    }

    private void ordersFor(long customerId, Lifecycle lifecycle, Size size, Consumer<Object[]> sink) {
        if (lifecycle == Lifecycle.PROSPECT) {
            return;
        }
        // Pareto(alpha = 1.16) weights give the 80/20 concentration of revenue
        double weight = Math.min(400, Math.pow(1 - random.nextDouble(), -1 / 1.16));
        int count = 1 + random.nextInt(2 * size.averageOrdersPerYear() - 1);
        int usualDaysToPay = 10 + random.nextInt(70);
        int lastOrderDaysAgo = lifecycle.lastOrderDaysAgo;
        DemoProductLines.Line mainLine = pick(productLines);
        for (int n = 1; n <= count; n++) {
            LocalDate orderDate = today.minusDays(lastOrderDaysAgo + random.nextInt(365));
            BigDecimal amount = BigDecimal.valueOf(800 * weight * (0.5 + random.nextDouble()))
                    .setScale(2, RoundingMode.HALF_UP);
            LocalDate paid = orderDate.plusDays(Math.max(0, usualDaysToPay + random.nextInt(21) - 10));
            DemoProductLines.Line line = random.nextInt(10) < 7 ? mainLine : pick(productLines);
            double marginRate = line.lowMargin() + random.nextDouble() * (line.highMargin() - line.lowMargin());
            BigDecimal margin = amount.multiply(BigDecimal.valueOf(marginRate)).setScale(2, RoundingMode.DOWN);
            String orderNo = "SO" + customerId + "-" + n;
            sink.accept(new Object[] {customerId, orderNo, orderDate, amount,
                orderDate.plusDays(30), paid.isAfter(today) ? null : paid, at(orderDate), line.id(), margin, null});
            if (random.nextInt(100) < CREDITED_PERCENT) {
                creditNote(customerId, "CN" + customerId + "-" + n, orderNo, orderDate, amount, margin, line, sink);
            }
        }
    }

    /**
     * A return of part of the order (a fifth of them all of it), a few weeks after it at most:
     * a negative amount and margin, each no larger than the order's, naming the order.
     */
    private void creditNote(long customerId, String number, String orderNo, LocalDate orderDate, BigDecimal amount,
            BigDecimal margin, DemoProductLines.Line line, Consumer<Object[]> sink) {
        LocalDate day = orderDate.plusDays(3 + random.nextInt(40));
        if (day.isAfter(today)) {
            day = today;
        }
        BigDecimal share = random.nextInt(5) == 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(0.1 + 0.6 * random.nextDouble()).setScale(4, RoundingMode.DOWN);
        BigDecimal credited = amount.multiply(share).setScale(2, RoundingMode.DOWN).max(new BigDecimal("0.01"));
        sink.accept(new Object[] {customerId, number, day, credited.negate(), null, null, at(day), line.id(),
            margin.multiply(share).setScale(2, RoundingMode.DOWN).negate(), orderNo});
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
                at(today.minusDays(400)), Contact.monthDay(birthday), Contact.monthDay(anniversary)});
        }
    }

    private void logsFor(long customerId, long authorId, Lifecycle lifecycle, Size size, Consumer<Object[]> sink) {
        int count = lifecycle == Lifecycle.LOST ? random.nextInt(3) : random.nextInt(2 * size.averageContactLogsPerYear() + 1);
        for (int n = 0; n < count; n++) {
            String channel = pick(DemoWords.CHANNELS);
            LocalDate day = today.minusDays(1 + random.nextInt(365));
            OffsetDateTime occurred = day.atTime(LocalTime.of(9 + random.nextInt(9), random.nextInt(60)))
                    .atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            LocalDate agreed = random.nextInt(4) == 0 ? day.plusDays(3 + random.nextInt(25)) : null;
            sink.accept(new Object[] {customerId, authorId, channel, occurred, pick(DemoWords.SUMMARIES.get(channel)),
                pick(DemoWords.OUTCOMES), pick(DemoWords.NEXT_STEPS), agreed, new UUID(random.nextLong(), random.nextLong()).toString(),
                occurred});
        }
    }

    private OffsetDateTime at(LocalDate day) {
        return day.atTime(9, 0).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private enum Lifecycle {
        ACTIVE("ACTIVE", 0),
        PROSPECT("PROSPECT", 0),
        DORMANT("DORMANT", 120),
        LOST("LOST", 200);

        final String status;
        final int lastOrderDaysAgo;

        Lifecycle(String status, int lastOrderDaysAgo) {
            this.status = status;
            this.lastOrderDaysAgo = lastOrderDaysAgo;
        }

        static Lifecycle draw(SplittableRandom random) {
            int r = random.nextInt(100);
            return r < 80 ? ACTIVE : r < 90 ? PROSPECT : r < 97 ? DORMANT : LOST;
        }
    }
}
