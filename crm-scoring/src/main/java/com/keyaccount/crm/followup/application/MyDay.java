package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.application.DueSection.Bucket;
import com.keyaccount.crm.scoring.schedule.DueRule;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Viewer;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who must I contact today": one manager's overdue, due-today and this-week follow-ups from
 * the stored schedule (index range per manager), plus special days and profiles to verify.
 */
@Service
@Transactional(readOnly = true)
public class MyDay {

    public static final int SECTION_ROWS = 50;
    /** "This week" = the next seven days after today. */
    static final int WEEK_DAYS = 7;
    static final int VERIFY_ROWS = 20;
    /** Special days listed; a book of thousands has more birthdays a week than anyone reads. */
    static final int SPECIAL_ROWS = 30;

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    public MyDay(JdbcTemplate jdbc, BusinessCalendar calendar, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = businessZone;
    }

    /**
     * Whose day the viewer may look at: an account manager only their own; a director or admin
     * any manager's (or their own, usually empty, book).
     */
    public static long ownerFor(Viewer viewer, Long requestedOwner) {
        return viewer.role().seesAllCustomers() && requestedOwner != null ? requestedOwner : viewer.userId();
    }

    public MyDayView of(long ownerId) {
        LocalDate today = today();
        WorkingCalendar working = calendar.workingCalendar();
        List<SpecialDay> special = specialDays(ownerId, today);
        return new MyDayView(ownerId, today, working.isWorkingDay(today),
                section(ownerId, Bucket.OVERDUE, 0, SECTION_ROWS, today, working),
                section(ownerId, Bucket.TODAY, 0, SECTION_ROWS, today, working),
                section(ownerId, Bucket.WEEK, 0, SECTION_ROWS, today, working),
                List.copyOf(special.subList(0, Math.min(SPECIAL_ROWS, special.size()))), special.size(),
                calendar.between(today, today.plusDays(WEEK_DAYS - 1L)),
                profilesToVerify(ownerId), countProfilesToVerify(ownerId));
    }

    /** One section, a page at a time, for "show all". */
    public DueSection section(long ownerId, Bucket bucket, int page, int size) {
        return section(ownerId, bucket, page, size, today(), calendar.workingCalendar());
    }

    private DueSection section(long ownerId, Bucket bucket, int page, int size, LocalDate today,
            WorkingCalendar working) {
        String range = switch (bucket) {
            case OVERDUE -> "f.due_on < ?";
            case TODAY -> "f.due_on = ?";
            case WEEK -> "f.due_on > ? AND f.due_on <= ?";
        };
        List<Object> args = new ArrayList<>(List.of(ownerId, Date.valueOf(today)));
        if (bucket == Bucket.WEEK) {
            args.add(Date.valueOf(today.plusDays(WEEK_DAYS)));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM follow_up f WHERE f.owner_id = ? AND " + range,
                Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<DueCustomer> rows = jdbc.query("""
                SELECT f.customer_id, c.code, c.name, f.tier, f.due_on, f.due_rule, f.basis_on, f.interval_days,
                       f.last_contact_on, f.last_visit_on
                FROM follow_up f JOIN customer c ON c.id = f.customer_id
                WHERE f.owner_id = ? AND %s
                ORDER BY f.tier, f.due_on, f.customer_id LIMIT ? OFFSET ?""".formatted(range),
                (rs, n) -> dueCustomer(rs, today, working), pageArgs.toArray());
        return new DueSection(bucket, rows, total == null ? 0 : total);
    }

    /**
     * One follow-up row ({@code follow_up f} with the customer's code and name), with how many
     * working days late it is on {@code today}; My day and the team's day read it alike.
     */
    static DueCustomer dueCustomer(ResultSet rs, LocalDate today, WorkingCalendar working) throws SQLException {
        LocalDate due = rs.getDate("due_on").toLocalDate();
        Date basis = rs.getDate("basis_on");
        Date lastContact = rs.getDate("last_contact_on");
        Date lastVisit = rs.getDate("last_visit_on");
        return new DueCustomer(rs.getLong("customer_id"), rs.getString("code"), rs.getString("name"),
                Tier.valueOf(rs.getString("tier")), due, DueRule.valueOf(rs.getString("due_rule")),
                basis == null ? null : basis.toLocalDate(), (Integer) rs.getObject("interval_days"),
                lastContact == null ? null : lastContact.toLocalDate(),
                lastVisit == null ? null : lastVisit.toLocalDate(), working.workingDaysBetween(due, today));
    }

    /** Birthdays and anniversaries of the owner's contacts in the coming week, today first. */
    private List<SpecialDay> specialDays(long ownerId, LocalDate today) {
        Map<Short, List<LocalDate>> daysByKey = new HashMap<>();
        for (int i = 0; i < WEEK_DAYS; i++) {
            LocalDate day = today.plusDays(i);
            daysByKey.computeIfAbsent(Contact.monthDay(day), k -> new ArrayList<>()).add(day);
            if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !Year.isLeap(day.getYear())) {
                // someone born on 29 February celebrates on the 28th in other years
                daysByKey.computeIfAbsent((short) 229, k -> new ArrayList<>()).add(day);
            }
        }
        String in = String.join(",", Collections.nCopies(daysByKey.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(ownerId);
        args.addAll(daysByKey.keySet());
        args.addAll(daysByKey.keySet());
        List<SpecialDay> found = new ArrayList<>();
        jdbc.query("""
                SELECT p.id, p.name, p.birthday, p.anniversary, p.birthday_md, p.anniversary_md,
                       c.id AS customer_id, c.name AS customer_name
                FROM contact p JOIN customer c ON c.id = p.customer_id
                WHERE c.owner_id = ? AND c.deleted = FALSE
                  AND (p.birthday_md IN (%s) OR p.anniversary_md IN (%s))""".formatted(in, in), rs -> {
            addIfDue(found, daysByKey, SpecialDay.Kind.BIRTHDAY, rs.getDate("birthday"), rs.getLong("id"),
                    rs.getString("name"), rs.getLong("customer_id"), rs.getString("customer_name"));
            addIfDue(found, daysByKey, SpecialDay.Kind.ANNIVERSARY, rs.getDate("anniversary"), rs.getLong("id"),
                    rs.getString("name"), rs.getLong("customer_id"), rs.getString("customer_name"));
        }, args.toArray());
        found.sort(Comparator.comparing(SpecialDay::on).thenComparing(SpecialDay::customerName)
                .thenComparing(SpecialDay::contactName));
        return found;
    }

    private static void addIfDue(List<SpecialDay> found, Map<Short, List<LocalDate>> daysByKey, SpecialDay.Kind kind,
            Date original, long contactId, String contactName, long customerId, String customerName) {
        if (original == null) {
            return;
        }
        LocalDate date = original.toLocalDate();
        for (LocalDate day : daysByKey.getOrDefault(Contact.monthDay(date), List.of())) {
            if (!day.isBefore(date)) {
                found.add(new SpecialDay(day, kind, contactId, contactName, customerId, customerName,
                        day.getYear() - date.getYear()));
            }
        }
    }

    private List<ProfileToVerify> profilesToVerify(long ownerId) {
        return jdbc.query("""
                SELECT id, code, name, verified_at FROM customer
                WHERE owner_id = ? AND deleted = FALSE AND (verified_at IS NULL OR verified_at < ?)
                ORDER BY verified_at, id LIMIT ?""", (rs, n) -> {
                    OffsetDateTime at = rs.getObject("verified_at", OffsetDateTime.class);
                    return new ProfileToVerify(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            at == null ? null : at.toInstant());
                }, ownerId, verifyCutoff(), VERIFY_ROWS);
    }

    private long countProfilesToVerify(long ownerId) {
        Long count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM customer
                WHERE owner_id = ? AND deleted = FALSE AND (verified_at IS NULL OR verified_at < ?)""",
                Long.class, ownerId, verifyCutoff());
        return count == null ? 0 : count;
    }

    private Timestamp verifyCutoff() {
        return Timestamp.from(clock.instant().minus(Customer.VERIFICATION_INTERVAL));
    }

    /** Today's business date. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
