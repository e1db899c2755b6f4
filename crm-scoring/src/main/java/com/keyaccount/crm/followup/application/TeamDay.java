package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.user.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A director's 今日待办 (and a province or regional manager's, over their people): the team's day
 * rather than their own (usually empty) book — each
 * account manager's overdue and due-today follow-ups, counted, with the most pressing listed,
 * managers with the most overdue first.
 */
@Service
@Transactional(readOnly = true)
public class TeamDay {

    /** Customers listed under each manager; the counts are always exact. */
    public static final int PER_MANAGER = 5;

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final MyDay myDay;
    private final DueRows dueRows;
    private final Timer latency;

    TeamDay(JdbcTemplate jdbc, BusinessCalendar calendar, MyDay myDay, DueRows dueRows, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.myDay = myDay;
        this.dueRows = dueRows;
        this.latency = MyDay.latency(metrics, "team");
    }

    public record ManagerDay(long managerId, String name, long overdue, long dueToday, List<DueCustomer> pressing) {
    }

    public record View(LocalDate today, boolean workingDay, List<ManagerDay> managers) {

        public long overdue() {
            return managers.stream().mapToLong(ManagerDay::overdue).sum();
        }

        public long dueToday() {
            return managers.stream().mapToLong(ManagerDay::dueToday).sum();
        }
    }

    public View of() {
        return of(Scope.ALL);
    }

    /** The day of the account managers whose books are in scope (a supervisor's people). */
    public View of(Scope people) {
        return latency.record(() -> build(people));
    }

    private View build(Scope people) {
        LocalDate today = myDay.today();
        WorkingCalendar working = calendar.workingCalendar();
        Date day = Date.valueOf(today);
        Map<Long, List<DueCustomer>> pressing = new HashMap<>();
        jdbc.query("""
                SELECT * FROM (
                    SELECT f.owner_id, %s,
                           ROW_NUMBER() OVER (PARTITION BY f.owner_id ORDER BY f.due_on, f.tier, %s) AS rn
                    FROM %s
                    WHERE f.due_on <= ? AND %s) x
                WHERE rn <= ? ORDER BY owner_id, rn""".formatted(DueRows.COLUMNS, DueRows.SERVE_FIRST, DueRows.FROM,
                people.sql("f.owner_id")), rs -> {
                    pressing.computeIfAbsent(rs.getLong("owner_id"), k -> new ArrayList<>())
                            .add(DueRows.row(rs, today, working));
                }, day, PER_MANAGER);
        // the lead stage of the listed prospects, read once for all managers
        UnaryOperator<DueCustomer> stages = dueRows.leadStages(pressing.values().stream().flatMap(List::stream).toList());
        List<ManagerDay> managers = jdbc.query("""
                SELECT u.id, u.display_name,
                       COALESCE(SUM(CASE WHEN f.due_on < ? THEN 1 ELSE 0 END), 0) AS overdue,
                       COALESCE(SUM(CASE WHEN f.due_on = ? THEN 1 ELSE 0 END), 0) AS due_today
                FROM app_user u LEFT JOIN follow_up f ON f.owner_id = u.id AND f.due_on <= ?
                WHERE u.role = 'ACCOUNT_MANAGER' AND u.enabled = TRUE AND %s
                GROUP BY u.id, u.display_name
                ORDER BY overdue DESC, due_today DESC, u.display_name, u.id""".formatted(people.peopleSql("u.id")),
                (rs, n) -> new ManagerDay(rs.getLong("id"), rs.getString("display_name"), rs.getLong("overdue"),
                        rs.getLong("due_today"), pressing.getOrDefault(rs.getLong("id"), List.of()).stream()
                                .map(stages).toList()),
                day, day, day);
        return new View(today, working.isWorkingDay(today), managers);
    }
}
