package com.keyaccount.crm.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A few answered satisfaction surveys in the demo book (questionnaire version 1, seeded by V29):
 * about a third of the active customers answered once or twice in the last year, by
 * phone or visit, most of them content, a few not; so the customer page, /satisfaction and the
 * export have something to show. Scores follow the scoring rule (1–5 ratings on 0–100).
 */
final class DemoSurveys {

    private static final String[] COMMENTS = {"交货可以再快一些", "客户经理很专业，响应及时", "希望多一些技术培训",
        "价格偏高", null, null, null};

    private final JdbcTemplate jdbc;
    private final SplittableRandom random;
    private final Instant now;

    DemoSurveys(JdbcTemplate jdbc, long seed, Instant now) {
        this.jdbc = jdbc;
        this.random = new SplittableRandom(seed + 29);
        this.now = now;
    }

    int write() {
        List<long[]> customers = jdbc.query("""
                SELECT c.id, c.owner_id FROM customer c WHERE c.status = 'ACTIVE' AND c.deleted = FALSE ORDER BY c.id""",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
        int written = 0;
        for (long[] c : customers) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            int times = 1 + random.nextInt(2);
            int mood = 2 + random.nextInt(4); // the customer's general mood, 2–5
            for (int t = 0; t < times; t++) {
                Instant at = now.minus(Duration.ofDays(20 + random.nextInt(330) / times + 170L * t))
                        .minus(Duration.ofMinutes(random.nextInt(600)));
                write(c[0], c[1], at, t == 0 ? mood : Math.min(5, mood + 1));
                written++;
            }
        }
        return written;
    }

    private void write(long customerId, long ownerId, Instant at, int mood) {
        int[] ratings = new int[5];
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            ratings[i] = Math.max(1, Math.min(5, mood + random.nextInt(3) - 1));
            sum += (ratings[i] - 1) * 100L;
        }
        int recommend = Math.max(0, Math.min(10, mood * 2 + random.nextInt(3) - 1));
        BigDecimal score = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(20), 1, RoundingMode.HALF_UP);
        String channel = random.nextBoolean() ? "PHONE" : "VISIT";
        jdbc.update("""
                INSERT INTO survey_response (customer_id, owner_id, version, channel, answered_at, recorded_by,
                    score, recommend, created_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)""",
                customerId, ownerId, channel, Timestamp.from(at), ownerId, score, recommend, Timestamp.from(at));
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM survey_response WHERE customer_id = ?", Long.class,
                customerId);
        for (int i = 0; i < 5; i++) {
            jdbc.update("INSERT INTO survey_answer (response_id, position, rating) VALUES (?, ?, ?)", id, i + 1,
                    ratings[i]);
        }
        jdbc.update("INSERT INTO survey_answer (response_id, position, rating) VALUES (?, 6, ?)", id, recommend);
        String comment = COMMENTS[random.nextInt(COMMENTS.length)];
        if (comment != null) {
            jdbc.update("INSERT INTO survey_answer (response_id, position, answer_text) VALUES (?, 7, ?)", id, comment);
        }
    }
}
