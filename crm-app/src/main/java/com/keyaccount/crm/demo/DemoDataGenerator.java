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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a deterministic book of customers, orders with payments, contacts and contact logs
 * with plain JDBC batches: the same seed and the same "today" give the same data, at demo
 * size (hundreds of customers) or benchmark size (100k customers, millions of orders).
 * Revenue per customer follows a Pareto distribution, so tiers come out as in real books.
 */
public final class DemoDataGenerator {

    /** How much to generate. */
    public record Size(int customers, int averageOrdersPerYear, int averageContactLogsPerYear) {

        public static final Size DEMO = new Size(300, 20, 10);
    }

    /** An account manager who will own an equal share of the customers. */
    public record Manager(long id, String region) {
    }

    private static final int BATCH = 2_000;
    private static final String[] CITIES = {"上海", "北京", "深圳", "杭州", "广州", "成都", "武汉", "南京", "苏州", "天津",
        "西安", "重庆", "青岛", "宁波", "厦门", "长沙", "郑州", "沈阳", "大连", "合肥"};
    private static final String[] WORDS = {"华信", "恒通", "金桥", "鼎盛", "瑞丰", "东方", "远航", "宏达", "新视界", "博远",
        "中联", "鸿运", "天成", "嘉禾", "盛世", "同创", "汇智", "永安", "佳美", "海纳"};
    private static final Map<String, String> INDUSTRY_SUFFIX = Map.ofEntries(
            Map.entry("AGRICULTURE", "农业科技"), Map.entry("MANUFACTURING", "机械制造"),
            Map.entry("CONSTRUCTION", "建设工程"), Map.entry("IT", "信息技术"),
            Map.entry("WHOLESALE_RETAIL", "商贸"), Map.entry("HOSPITALITY", "酒店管理"),
            Map.entry("FINANCE", "投资"), Map.entry("REAL_ESTATE", "置业"),
            Map.entry("LEASING_BUSINESS_SERVICES", "租赁服务"), Map.entry("RESIDENT_SERVICES", "家政服务"),
            Map.entry("ENTERTAINMENT", "文化娱乐"));
    private static final String[] INDUSTRIES = INDUSTRY_SUFFIX.keySet().stream().sorted().toArray(String[]::new);
    private static final String[] REGIONS = {"NORTH", "NORTHEAST", "EAST", "SOUTH", "CENTRAL", "SOUTHWEST", "NORTHWEST"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛", "明",
        "超", "秀英", "建华", "志强", "海燕", "晓东", "丽娟"};
    private static final String[][] TITLES = {{"总经理", "DECISION_MAKER"}, {"副总经理", "DECISION_MAKER"},
        {"采购经理", "ADVISOR"}, {"技术总监", "ADVISOR"}, {"财务经理", "ADVISOR"}, {"采购专员", "USER"},
        {"工程师", "USER"}, {"运营主管", "USER"}};
    private static final String[] CHANNELS = {"VISIT", "PHONE", "PHONE", "WECHAT", "WECHAT", "EMAIL", "SMS", "MEETING"};
    private static final Map<String, String[]> SUMMARIES = Map.of(
            "VISIT", new String[] {"上门拜访，沟通年度采购计划", "上门拜访，了解新项目需求", "上门拜访，处理上批货物质量反馈"},
            "PHONE", new String[] {"电话回访，确认上批货物使用情况", "电话沟通回款进度", "电话介绍新品"},
            "WECHAT", new String[] {"微信发送新品报价", "微信沟通交货时间", "微信答复技术问题"},
            "EMAIL", new String[] {"邮件发送季度对账单", "邮件发送合同草稿"},
            "SMS", new String[] {"短信节日问候", "短信提醒付款日期"},
            "MEETING", new String[] {"参加客户年会，交流合作方向", "邀请客户参加新品发布会"});
    private static final String[] OUTCOMES = {"客户有意向增加订单", "需提供正式报价单", "反馈良好", "暂无新需求", "对价格有异议", null};
    private static final String[] NEXT_STEPS = {"下周发送报价", "安排技术交流", "跟进回款", "寄送样品", "约见采购负责人", null};
    private static final String[] LOST_REASONS = {"价格竞争，转向竞争对手", "公司业务调整，不再需要", "服务响应慢，客户不满意"};

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final LocalDate today;
    private final SplittableRandom random;

    public DemoDataGenerator(JdbcTemplate jdbc, ZoneId zone, LocalDate today, long seed) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.today = today;
        this.random = new SplittableRandom(seed);
    }

    /** Generates {@code size} into the database; returns the number of customers written. */
    public int generate(Size size, List<Manager> managers) {
        List<long[]> customers = insertCustomers(size, managers);
        try (Batch orders = new Batch(jdbc, """
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, paid_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""");
             Batch contacts = new Batch(jdbc, """
                INSERT INTO contact (customer_id, name, title, decision_role, phone, email, birthday, anniversary,
                                     notes, created_at, birthday_md, anniversary_md)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             Batch logs = new Batch(jdbc, """
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
            String industry = pick(INDUSTRIES);
            String region = random.nextInt(4) == 0 ? pick(REGIONS) : owner.region();
            Lifecycle lifecycle = Lifecycle.draw(random);
            lifecycles.add(lifecycle);
            OffsetDateTime created = at(today.minusDays(400 + random.nextInt(800)));
            OffsetDateTime verified = at(today.minusDays(random.nextInt(150)));
            rows.add(new Object[] {
                String.format("C%06d", i),
                pick(CITIES) + pick(WORDS) + INDUSTRY_SUFFIX.get(industry) + "有限公司",
                industry, region,
                BigDecimal.valueOf(1_000_000L + random.nextLong(500_000_000L)).setScale(2),
                20 + random.nextInt(5_000),
                "0" + (10 + random.nextInt(90)) + "-" + (60_000_000 + random.nextInt(30_000_000)),
                random.nextInt(3) == 0 ? "0" + (10 + random.nextInt(90)) + "-" + (60_000_000 + random.nextInt(30_000_000)) : null,
                pick(CITIES) + "市" + pick(WORDS) + "路" + (1 + random.nextInt(999)) + "号",
                owner.id(), lifecycle.status,
                lifecycle == Lifecycle.LOST ? pick(LOST_REASONS) : null,
                random.nextInt(5) == 0,
                random.nextInt(3) == 0 ? "有意扩大合作范围" : null,
                created, verified, created});
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate("""
                    INSERT INTO customer (code, name, industry, region, annual_sales, employee_count, phone, fax, address,
                                          owner_id, status, lost_reason, long_term_agreement, cooperation_intent,
                                          created_at, verified_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    rows.subList(from, Math.min(rows.size(), from + BATCH)));
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
        for (int n = 1; n <= count; n++) {
            LocalDate orderDate = today.minusDays(lastOrderDaysAgo + random.nextInt(365));
            BigDecimal amount = BigDecimal.valueOf(800 * weight * (0.5 + random.nextDouble()))
                    .setScale(2, RoundingMode.HALF_UP);
            LocalDate paid = orderDate.plusDays(Math.max(0, usualDaysToPay + random.nextInt(21) - 10));
            sink.accept(new Object[] {customerId, "SO" + customerId + "-" + n, orderDate, amount,
                orderDate.plusDays(30), paid.isAfter(today) ? null : paid, at(orderDate)});
        }
    }

    private void contactsFor(long customerId, Consumer<Object[]> sink) {
        int count = 1 + random.nextInt(3);
        for (int n = 0; n < count; n++) {
            String[] title = n == 0 ? TITLES[random.nextInt(2)] : pick(TITLES);
            LocalDate birthday = LocalDate.of(1960 + random.nextInt(40), 1, 1).plusDays(random.nextInt(365));
            LocalDate anniversary = random.nextInt(6) == 0
                    ? today.minusYears(1 + random.nextInt(10)).minusDays(random.nextInt(365)) : null;
            sink.accept(new Object[] {customerId, pick(SURNAMES) + pick(GIVEN), title[0], title[1],
                "1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000)),
                random.nextInt(2) == 0 ? "contact" + customerId + "_" + n + "@example.cn" : null,
                birthday, anniversary, random.nextInt(4) == 0 ? "喜欢喝茶，周五下午不便打扰" : null,
                at(today.minusDays(400)), Contact.monthDay(birthday), Contact.monthDay(anniversary)});
        }
    }

    private void logsFor(long customerId, long authorId, Lifecycle lifecycle, Size size, Consumer<Object[]> sink) {
        int count = lifecycle == Lifecycle.LOST ? random.nextInt(3) : random.nextInt(2 * size.averageContactLogsPerYear() + 1);
        for (int n = 0; n < count; n++) {
            String channel = pick(CHANNELS);
            LocalDate day = today.minusDays(1 + random.nextInt(365));
            OffsetDateTime occurred = day.atTime(LocalTime.of(9 + random.nextInt(9), random.nextInt(60)))
                    .atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            LocalDate agreed = random.nextInt(4) == 0 ? day.plusDays(3 + random.nextInt(25)) : null;
            sink.accept(new Object[] {customerId, authorId, channel, occurred, pick(SUMMARIES.get(channel)),
                pick(OUTCOMES), pick(NEXT_STEPS), agreed, new UUID(random.nextLong(), random.nextLong()).toString(),
                occurred});
        }
    }

    private OffsetDateTime at(LocalDate day) {
        return day.atTime(9, 0).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
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

    /** Collects rows and writes them in JDBC batches. */
    private static final class Batch implements AutoCloseable {

        private final JdbcTemplate jdbc;
        private final String sql;
        private final List<Object[]> rows = new ArrayList<>(BATCH);

        Batch(JdbcTemplate jdbc, String sql) {
            this.jdbc = jdbc;
            this.sql = sql;
        }

        void add(Object[] row) {
            rows.add(row);
            if (rows.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
                rows.clear();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
