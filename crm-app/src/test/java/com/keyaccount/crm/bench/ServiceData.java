package com.keyaccount.crm.bench;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service section's data, set-based SQL beside the book (PostgreSQL), and its removal:
 * <ul>
 * <li>a manager {@value #MANAGER} (password as the demo users') with a book of {@code bookSize}
 * customers copied from the busiest manager's (customer, contacts, schedule, tier, prospect rows),
 * 5% of them with an open complaint (a third past a deadline), 5% with a care task due, 1% lost
 * with an interview due;</li>
 * <li>over the whole book: about {@code responses} survey responses spread over three years (the
 * reports read the response's precomputed score and recommend, never its answers, so no answer
 * rows), a complaint per 10 customers over three years (5% of them still open), a gift given
 * this year for 10% of the customers, one waiting for approval for 1% and a task due for 2%.</li>
 * </ul>
 * Every generated row carries a {@value #MARK} mark (customer code, submission token, task key,
 * recorded-by) so that {@link #remove} finds them again, also after a run that broke off.
 */
final class ServiceData {

    static final String MANAGER = "svcbench";
    static final String MARK = "SVCBENCH";
    private static final String MINE = "(SELECT id FROM customer WHERE code LIKE 'SVCBENCH-%')";
    /** The tables whose rows are copied with the manager's customers (customer_id mapped, owner_id theirs). */
    private static final List<String> COPIED = List.of("contact", "follow_up", "customer_tier", "prospect");

    private ServiceData() {
    }

    /** Returns the manager's id. Run in one transaction: the temporary tables live on its connection. */
    static long generate(JdbcTemplate jdbc, int bookSize, int responses) {
        jdbc.update("""
                INSERT INTO app_user (username, password_hash, display_name, role, region, enabled, created_at)
                SELECT ?, password_hash, '服务基准经理', 'ACCOUNT_MANAGER', region, TRUE, CURRENT_TIMESTAMP
                FROM app_user WHERE username = 'zhang'""", MANAGER);
        long manager = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, MANAGER);
        copyBook(jdbc, manager, bookSize);
        managersDay(jdbc, manager);
        surveys(jdbc, responses);
        complaints(jdbc);
        care(jdbc);
        return manager;
    }

    private static void copyBook(JdbcTemplate jdbc, long manager, int bookSize) {
        jdbc.execute("""
                CREATE TEMPORARY TABLE svc_src ON COMMIT DROP AS
                SELECT c.id AS old_id FROM customer c
                WHERE c.owner_id = (SELECT owner_id FROM customer WHERE deleted = FALSE AND code NOT LIKE 'FUNNEL-%%'
                                    GROUP BY owner_id ORDER BY COUNT(*) DESC LIMIT 1)
                  AND c.deleted = FALSE AND c.code NOT LIKE 'FUNNEL-%%' ORDER BY c.id LIMIT %d""".formatted(bookSize));
        List<String> columns = columns(jdbc, "customer", "id");
        jdbc.update("INSERT INTO customer (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", columns.stream().map(c -> switch (c) {
                    case "code" -> "'" + MARK + "-' || c.id";
                    case "owner_id" -> String.valueOf(manager);
                    default -> "c." + c;
                }).toList()) + " FROM customer c JOIN svc_src s ON s.old_id = c.id");
        jdbc.execute("""
                CREATE TEMPORARY TABLE svc_map ON COMMIT DROP AS
                SELECT s.old_id, n.id AS new_id, ROW_NUMBER() OVER (ORDER BY n.id) AS k
                FROM svc_src s JOIN customer n ON n.code = '%s-' || s.old_id""".formatted(MARK));
        for (String table : COPIED) {
            List<String> cols = columns(jdbc, table, "id");
            jdbc.update("INSERT INTO " + table + " (" + String.join(", ", cols) + ") SELECT "
                    + String.join(", ", cols.stream().map(c -> switch (c) {
                        case "customer_id" -> "m.new_id";
                        case "owner_id" -> String.valueOf(manager);
                        default -> "t." + c;
                    }).toList()) + " FROM " + table + " t JOIN svc_map m ON m.old_id = t.customer_id");
        }
    }

    /** Open complaints (a third overdue), care tasks due and lost-customer interviews for the manager. */
    private static void managersDay(JdbcTemplate jdbc, long manager) {
        jdbc.update("""
                INSERT INTO complaint (customer_id, owner_id, channel, category, severity, description, status, tier,
                    policy_version, received_at, received_by, answer_due_at, resolve_due_at, answer, answered_at,
                    answered_by, submission_token)
                SELECT m.new_id, ?, 'PHONE', (ARRAY['PRODUCT_QUALITY','DELIVERY','SERVICE','BILLING','STAFF','OTHER'])[1 + m.k %% 6],
                       (ARRAY['MINOR','MAJOR','CRITICAL'])[1 + m.k %% 3], '基准：客户投诉', x.status,
                       COALESCE(t.effective_tier, 'C'), 0, x.received, 'svcbench', x.received + INTERVAL '4 hours',
                       x.resolve_due, CASE WHEN x.status = 'ANSWERED' THEN '已答复' END,
                       CASE WHEN x.status = 'ANSWERED' THEN x.received + INTERVAL '2 hours' END,
                       CASE WHEN x.status = 'ANSWERED' THEN 'svcbench' END, '%1$s:day:' || m.new_id
                FROM svc_map m LEFT JOIN customer_tier t ON t.customer_id = m.new_id
                CROSS JOIN LATERAL (SELECT CASE WHEN m.k %% 40 = 0 THEN 'RECEIVED' ELSE 'ANSWERED' END AS status,
                       CASE WHEN m.k %% 60 = 0 THEN CURRENT_TIMESTAMP - MAKE_INTERVAL(days => 3 + CAST(m.k %% 7 AS INT))
                            ELSE CURRENT_TIMESTAMP - INTERVAL '1 hour' END AS received,
                       CASE WHEN m.k %% 60 = 0 THEN CURRENT_TIMESTAMP - INTERVAL '1 day'
                            ELSE CURRENT_TIMESTAMP + MAKE_INTERVAL(days => 1 + CAST(m.k %% 9 AS INT)) END AS resolve_due) x
                WHERE m.k %% 20 = 0""".formatted(MARK), manager);
        jdbc.update("""
                INSERT INTO care_task (task_key, customer_id, occasion, occasion_name, occasion_on, assignee_id, state,
                    created_at)
                SELECT '%s-day-' || m.new_id, m.new_id, 'HOLIDAY', '中秋节',
                       CURRENT_DATE + CAST(m.k %% 10 AS INT) - 3, ?, 'OPEN', CURRENT_TIMESTAMP
                FROM svc_map m WHERE m.k %% 20 = 10""".formatted(MARK), manager);
        jdbc.update("UPDATE customer SET status = 'LOST', lost_reason = '基准' WHERE id IN "
                + "(SELECT new_id FROM svc_map WHERE k % 100 = 7)");
        jdbc.update("UPDATE follow_up SET due_on = NULL WHERE customer_id IN (SELECT new_id FROM svc_map WHERE k % 100 = 7)");
        jdbc.update("""
                INSERT INTO customer_loss (customer_id, open_customer_id, lost_on, reason, competitor, owner_id, tier,
                    recorded_by, recorded_at, interview_due_on)
                SELECT m.new_id, m.new_id, CURRENT_DATE - 10, 'COMPETITOR', '某竞争对手', ?, t.effective_tier, ?,
                       CURRENT_TIMESTAMP, CURRENT_DATE + CAST(m.k % 5 AS INT) - 2
                FROM svc_map m LEFT JOIN customer_tier t ON t.customer_id = m.new_id WHERE m.k % 100 = 7""",
                manager, MARK);
    }

    /** About {@code target} responses over every served customer, spread over three years. */
    private static void surveys(JdbcTemplate jdbc, int target) {
        long customers = jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE deleted = FALSE "
                + "AND status <> 'PROSPECT' AND code NOT LIKE 'FUNNEL-%'", Long.class);
        int each = (int) Math.max(1, Math.ceil(target / (double) Math.max(1, customers)));
        jdbc.update("""
                INSERT INTO survey_response (customer_id, owner_id, version, channel, answered_at, recorded_by, respondent,
                    score, recommend, submission_token, created_at)
                SELECT c.id, c.owner_id, 1, x.channel, x.at, CASE WHEN x.channel = 'LINK' THEN NULL ELSE c.owner_id END,
                       '基准', 40 + MOD(c.id * 31 + g * 17, 601) / 10.0, CAST(MOD(c.id * 13 + g * 7, 11) AS SMALLINT),
                       '%s-' || c.id || '-' || g, x.at
                FROM customer c CROSS JOIN generate_series(1, ?) g
                CROSS JOIN LATERAL (SELECT (ARRAY['PHONE','VISIT','LINK'])[1 + MOD(c.id + g, 3)] AS channel,
                       CURRENT_TIMESTAMP - MAKE_INTERVAL(hours => CAST(MOD(c.id * 7919 + g * 104729, 26280) AS INT)) AS at) x
                WHERE c.deleted = FALSE AND c.status <> 'PROSPECT' AND c.code NOT LIKE 'FUNNEL-%%'
                LIMIT ?""".formatted(MARK.toLowerCase()), each, target);
    }

    /** One complaint per 10 customers over three years: most confirmed, a few late, 5% still open. */
    private static void complaints(JdbcTemplate jdbc) {
        jdbc.update("""
                INSERT INTO complaint (customer_id, owner_id, channel, category, severity, description, status, tier,
                    policy_version, received_at, received_by, answer_due_at, resolve_due_at, answer, answered_at,
                    answered_by, resolution, resolved_at, resolved_by, confirmed_at, confirmed_by, submission_token)
                SELECT c.id, c.owner_id, 'PHONE', (ARRAY['PRODUCT_QUALITY','DELIVERY','SERVICE','BILLING','STAFF','OTHER'])[1 + MOD(c.id, 6)],
                       (ARRAY['MINOR','MAJOR','CRITICAL'])[1 + MOD(c.id / 10, 3)], '基准：客户投诉', x.status,
                       COALESCE(t.effective_tier, 'C'), 0, x.received, '%1$s', x.received + INTERVAL '8 hours',
                       x.received + INTERVAL '5 days', '已答复', x.received + MAKE_INTERVAL(hours => CAST(MOD(c.id, 12) AS INT)),
                       '%1$s', CASE WHEN x.status <> 'ANSWERED' THEN '已解决' END,
                       CASE WHEN x.status <> 'ANSWERED' THEN x.received + MAKE_INTERVAL(days => CAST(MOD(c.id, 7) AS INT)) END,
                       CASE WHEN x.status <> 'ANSWERED' THEN '%1$s' END,
                       CASE WHEN x.status = 'CONFIRMED' THEN x.received + INTERVAL '8 days' END,
                       CASE WHEN x.status = 'CONFIRMED' THEN '%1$s' END, '%1$s:' || c.id
                FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id
                CROSS JOIN LATERAL (SELECT CURRENT_TIMESTAMP - MAKE_INTERVAL(hours => CAST(MOD(c.id * 7919, 26280) AS INT)) AS received,
                       CASE WHEN MOD(c.id / 10, 20) = 0 THEN 'ANSWERED' WHEN MOD(c.id / 10, 20) = 1 THEN 'RESOLVED'
                            ELSE 'CONFIRMED' END AS status) x
                WHERE MOD(c.id, 10) = 3 AND c.deleted = FALSE AND c.code NOT LIKE 'FUNNEL-%%'
                  AND c.code NOT LIKE '%1$s-%%'""".formatted(MARK));
    }

    /** This year's gifts (10% of customers, 1% waiting for approval) and tasks due (2%) over the book. */
    private static void care(JdbcTemplate jdbc) {
        jdbc.update("""
                INSERT INTO care_task (task_key, customer_id, occasion, occasion_name, occasion_on, assignee_id, state,
                    gift, cost, done_on, requested_by, created_at)
                SELECT '%1$s-book-' || c.id, c.id, 'HOLIDAY', '春节', x.on_day, c.owner_id, x.state,
                       CASE WHEN x.state <> 'OPEN' THEN '礼品' END,
                       CASE WHEN x.state = 'DONE' THEN 100 + MOD(c.id * 37, 1900)
                            WHEN x.state = 'PENDING_APPROVAL' THEN 2500 + MOD(c.id, 3000) END,
                       CASE WHEN x.state <> 'OPEN' THEN x.on_day END,
                       CASE WHEN x.state = 'PENDING_APPROVAL' THEN '%1$s' END, CURRENT_TIMESTAMP
                FROM customer c CROSS JOIN LATERAL (SELECT
                       CASE WHEN MOD(c.id, 100) = 1 THEN 'PENDING_APPROVAL' WHEN MOD(c.id, 50) = 2 THEN 'OPEN'
                            ELSE 'DONE' END AS state,
                       CASE WHEN MOD(c.id, 50) = 2 THEN CURRENT_DATE + CAST(MOD(c.id, 7) AS INT)
                            ELSE GREATEST(CAST(date_trunc('year', CURRENT_DATE) AS DATE),
                                          CURRENT_DATE - CAST(MOD(c.id, 200) AS INT)) END AS on_day) x
                WHERE (MOD(c.id, 10) = 5 OR MOD(c.id, 100) = 1 OR MOD(c.id, 50) = 2) AND c.deleted = FALSE
                  AND c.status IN ('ACTIVE', 'DORMANT') AND c.code NOT LIKE 'FUNNEL-%%'
                  AND c.code NOT LIKE '%1$s-%%'""".formatted(MARK));
    }

    private static List<String> columns(JdbcTemplate jdbc, String table, String except) {
        return jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND column_name <> ?
                ORDER BY ordinal_position""", String.class, table, except);
    }

    /**
     * Takes every generated row out again: first the rows hanging off generated complaints and
     * responses, then every row of every table that references one of the manager's customers
     * (found in the catalog, so a table added later is not forgotten) or the manager, then those.
     */
    static void remove(JdbcTemplate jdbc) {
        String complaints = "(SELECT id FROM complaint WHERE submission_token LIKE '" + MARK + ":%' OR customer_id IN "
                + MINE + ")";
        jdbc.update("DELETE FROM complaint_step WHERE complaint_id IN " + complaints);
        jdbc.update("DELETE FROM complaint WHERE id IN " + complaints);
        String responses = "(SELECT id FROM survey_response WHERE submission_token LIKE '" + MARK.toLowerCase()
                + "-%' OR customer_id IN " + MINE + ")";
        jdbc.update("DELETE FROM survey_link WHERE response_id IN " + responses + " OR customer_id IN " + MINE);
        jdbc.update("DELETE FROM survey_answer WHERE response_id IN " + responses);
        jdbc.update("DELETE FROM survey_response WHERE id IN " + responses);
        jdbc.update("DELETE FROM care_task WHERE task_key LIKE '" + MARK + "-%' OR customer_id IN " + MINE);
        jdbc.update("DELETE FROM customer_loss WHERE customer_id IN " + MINE);
        String manager = "(SELECT id FROM app_user WHERE username = '" + MANAGER + "')";
        // the tier tables keep no foreign key on PostgreSQL (V40_1), so they are not among the references
        jdbc.update("DELETE FROM tier_change WHERE customer_id IN " + MINE);
        jdbc.update("DELETE FROM customer_tier WHERE customer_id IN " + MINE);
        for (String[] ref : references(jdbc, "customer")) {
            jdbc.update("DELETE FROM " + ref[0] + " WHERE " + ref[1] + " IN " + MINE);
        }
        jdbc.update("DELETE FROM customer WHERE code LIKE '" + MARK + "-%'");
        for (String[] ref : references(jdbc, "app_user")) {
            jdbc.update("DELETE FROM " + ref[0] + " WHERE " + ref[1] + " IN " + manager);
        }
        jdbc.update("DELETE FROM app_user WHERE username = ?", MANAGER);
    }

    /** {table, column} of every single-column foreign key to {@code table}'s id, except its own. */
    private static List<String[]> references(JdbcTemplate jdbc, String table) {
        return jdbc.query("""
                SELECT k.conrelid::regclass::text AS t, a.attname AS col
                FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                WHERE k.contype = 'f' AND k.confrelid = CAST(? AS regclass) AND cardinality(k.conkey) = 1
                  AND k.conrelid <> k.confrelid""", (rs, n) -> new String[] {rs.getString("t"), rs.getString("col")},
                table);
    }
}
