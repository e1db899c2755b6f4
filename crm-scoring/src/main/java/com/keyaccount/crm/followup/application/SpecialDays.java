package com.keyaccount.crm.followup.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.kept.FigureVersion;
import com.keyaccount.crm.kept.FigureVersion.Kept;
import com.keyaccount.crm.kept.FigureVersion.Versioned;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * My day's special days: the owner's contacts whose birthday or anniversary falls in the coming
 * days, found by the stored month-day keys (one indexed statement), with the years they mark.
 * The database orders them and returns only the first {@code limit} with the count of all: a
 * book of 33k customers has some 1,500 a week, every one of them read into Java and sorted there
 * on each visit to show thirty.
 * <p>
 * Still, that statement reads every one of the owner's customers (a third of the benchmark's
 * book: 12 ms of My day's 20 ms in the database), and its answer changes only when a contact or
 * a customer does: the week is kept per owner and day under the special days' number of the
 * {@link FigureVersion}, which a contact added, edited or removed or a customer changed raises, on
 * any instance; kept at most {@code crm.dashboard.cache-seconds} for a write that raises nothing.
 */
@Component
class SpecialDays {

    /** The first special days of the coming days, and how many there are in all. */
    record Week(List<SpecialDay> first, int total) {
    }

    /** A month-day key and the day of the coming week it falls on. */
    private record Occurrence(short key, LocalDate day) {
    }

    /** Whose week, from which day, how many days and rows: what a kept week is found by. */
    private record Asked(long ownerId, LocalDate today, int days, int limit) {
    }

    private final JdbcTemplate jdbc;
    private final FigureVersion version;
    private final Cache<Versioned<Asked>, Week> kept;

    SpecialDays(JdbcTemplate jdbc, FigureVersion version) {
        this.jdbc = jdbc;
        this.version = version;
        this.kept = version.cache(2_000);
    }

    /** The first {@code limit} birthdays and anniversaries of the owner's contacts in the {@code days} from today. */
    Week ofWeek(long ownerId, LocalDate today, int days, int limit) {
        return version.kept(Kept.SPECIAL_DAYS, kept, new Asked(ownerId, today, days, limit),
                asked -> read(ownerId, today, days, limit));
    }

    private Week read(long ownerId, LocalDate today, int days, int limit) {
        List<Occurrence> week = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate day = today.plusDays(i);
            week.add(new Occurrence(Contact.monthDay(day), day));
            if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !Year.isLeap(day.getYear())) {
                // someone born on 29 February celebrates on the 28th in other years
                week.add(new Occurrence((short) 229, day));
            }
        }
        String values = String.join(",", Collections.nCopies(week.size(), "(CAST(? AS SMALLINT), CAST(? AS DATE))"));
        String in = String.join(",", Collections.nCopies(week.size(), "?"));
        // in the order the statement names them: each kind's owner and keys, the (key, day) pairs, the limit
        List<Object> args = new ArrayList<>();
        for (int kind = 0; kind < 2; kind++) {
            args.add(ownerId);
            week.forEach(o -> args.add(o.key()));
        }
        week.forEach(o -> args.addAll(List.of(o.key(), Date.valueOf(o.day()))));
        args.add(limit);
        int[] total = {0};
        List<SpecialDay> first = new ArrayList<>();
        jdbc.query("""
                SELECT s.kind, s.contact_id, s.contact_name, s.original, s.customer_id, s.customer_name, w.on_day,
                       COUNT(*) OVER () AS total
                FROM (%s) s JOIN (VALUES %s) AS w(md, on_day) ON w.md = s.md AND s.original <= w.on_day
                ORDER BY w.on_day, s.customer_name, s.contact_name, s.kind DESC LIMIT ?"""
                .formatted(kindQuery("BIRTHDAY", "birthday", in) + " UNION ALL "
                        + kindQuery("ANNIVERSARY", "anniversary", in), values),
                rs -> {
                    total[0] = rs.getInt("total");
                    LocalDate on = rs.getDate("on_day").toLocalDate();
                    first.add(new SpecialDay(on, SpecialDay.Kind.valueOf(rs.getString("kind")),
                            rs.getLong("contact_id"), rs.getString("contact_name"), rs.getLong("customer_id"),
                            rs.getString("customer_name"), on.getYear() - rs.getDate("original").toLocalDate().getYear()));
                }, args.toArray());
        return new Week(List.copyOf(first), total[0]);
    }

    private static String kindQuery(String kind, String column, String in) {
        return """
                SELECT '%1$s' AS kind, p.id AS contact_id, p.name AS contact_name, p.%2$s AS original,
                       p.%2$s_md AS md, c.id AS customer_id, c.name AS customer_name
                FROM contact p JOIN customer c ON c.id = p.customer_id
                WHERE c.owner_id = ? AND c.deleted = FALSE AND p.%2$s_md IN (%3$s)""".formatted(kind, column, in);
    }
}
