package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.application.ProspectLadders;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prospects behind the funnel's figures, a page at a time or all of them (export): each with
 * its owner, stage, classes, expected monthly value, days at its stage and last contact.
 */
@Service
@Transactional(readOnly = true)
public class ProspectList {

    public static final int PAGE_SIZE = 25;

    /** How the list can be ordered; ties always by name, then id. */
    public enum Sort {
        NAME("c.name"), OWNER("u.display_name"), STAGE(null), DAYS("since"), CLOSE("p.close_class"),
        PRIORITY("priority"), VALUE("p.expected_monthly_value"), CONTACT("f.last_contact_on");

        private final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /** @param priority "A" … "D", null when neither class nor value is known */
    public record Row(long customerId, String name, String owner, String stage, String closeClass, String priority,
            BigDecimal expectedMonthlyValue, long daysInStage, LocalDate lastContact, RefusalReason reason) {
    }

    public record Page(List<Row> rows, long total, int page) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    private final JdbcTemplate jdbc;
    private final ProspectLadders ladders;
    private final Clock clock;
    private final ZoneId zone;

    public ProspectList(JdbcTemplate jdbc, ProspectLadders ladders, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.ladders = ladders;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** One page; a page past the end is the last one. */
    public Page page(ProspectCriteria criteria, Sort sort, boolean descending, int page) {
        ProspectSql sql = new ProspectSql(ladders.inForce().ladder(), zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Object> args = new ArrayList<>();
        String where = criteria.where(sql, today, args);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + ProspectSql.FROM + " WHERE " + where, Long.class,
                args.toArray());
        int last = (int) Math.max(0, (total - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(0, page), last);
        List<Row> rows = new ArrayList<>();
        args.add(PAGE_SIZE);
        args.add((long) shown * PAGE_SIZE);
        jdbc.query(select(sql, where, sort, descending) + " LIMIT ? OFFSET ?", rs -> {
            rows.add(row(rs, today));
        }, args.toArray());
        return new Page(rows, total, shown);
    }

    /** Every row in the list's order, at most {@code limit}, streamed. */
    public void each(ProspectCriteria criteria, Sort sort, boolean descending, int limit, Consumer<Row> each) {
        ProspectSql sql = new ProspectSql(ladders.inForce().ladder(), zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Object> args = new ArrayList<>();
        String statement = select(sql, criteria.where(sql, today, args), sort, descending) + " LIMIT " + limit;
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(statement);
            ps.setFetchSize(1_000);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        }, rs -> {
            each.accept(row(rs, today));
        });
    }

    private static String select(ProspectSql sql, String where, Sort sort, boolean descending) {
        // more days at the stage is an earlier "since"
        String direction = descending != (sort == Sort.DAYS) ? " DESC" : " ASC";
        String order = sort == Sort.STAGE
                ? sql.level(sql.stage()) + direction + ", " + sql.stage() + direction
                : sort.column + direction + " NULLS LAST";
        return """
                SELECT c.id, c.name, u.display_name AS owner, %1$s AS stage, p.close_class, %2$s AS priority,
                       p.expected_monthly_value, %3$s AS since, f.last_contact_on, p.refusal_reason
                FROM %4$s JOIN app_user u ON u.id = c.owner_id LEFT JOIN follow_up f ON f.customer_id = c.id
                WHERE %5$s
                ORDER BY %6$s, c.name, c.id""".formatted(sql.stage(), ProspectSql.PRIORITY, ProspectSql.since(),
                ProspectSql.FROM, where, order);
    }

    private Row row(ResultSet rs, LocalDate today) throws SQLException {
        int priority = rs.getInt("priority");
        String priorityClass = rs.wasNull() ? null : String.valueOf((char) ('A' + priority - 1));
        OffsetDateTime since = rs.getObject("since", OffsetDateTime.class);
        Date contact = rs.getDate("last_contact_on");
        String reason = rs.getString("refusal_reason");
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("owner"), rs.getString("stage"),
                rs.getString("close_class"), priorityClass, rs.getBigDecimal("expected_monthly_value"),
                Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(since.toInstant(), zone), today)),
                contact == null ? null : contact.toLocalDate(), reason == null ? null : RefusalReason.valueOf(reason));
    }
}
