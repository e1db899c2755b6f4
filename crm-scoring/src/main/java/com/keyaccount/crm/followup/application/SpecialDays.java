package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.customer.Contact;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * My day's special days: the owner's contacts whose birthday or anniversary falls in the coming
 * days, found by the stored month-day keys (one indexed statement), with the years they mark.
 */
@Component
class SpecialDays {

    private final JdbcTemplate jdbc;

    SpecialDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Birthdays and anniversaries of the owner's contacts in the {@code days} from today, by day. */
    List<SpecialDay> ofWeek(long ownerId, LocalDate today, int days) {
        Map<Short, List<LocalDate>> daysByKey = new HashMap<>();
        for (int i = 0; i < days; i++) {
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
}
