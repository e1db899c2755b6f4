package com.keyaccount.crm.duty.application;

import com.keyaccount.crm.followup.application.BusinessCalendar;
import com.keyaccount.crm.followup.rules.RoleDuties;
import com.keyaccount.crm.followup.rules.RoleDuties.Duty;
import com.keyaccount.crm.org.Scopes;
import com.keyaccount.crm.scoring.duty.DutyMath;
import com.keyaccount.crm.scoring.schedule.Attainment.Tally;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duties per role measured over a period, for the people the viewer sees: account managers
 * over their own books in one statement, each province and regional manager over their region in
 * one of their own (there are few), and everyone's days at key accounts in one more.
 */
@Service
@Transactional(readOnly = true)
public class DutyAttainment {

    private final JdbcClient jdbc;
    private final DutyPolicies duties;
    private final Scopes scopes;
    private final BusinessCalendar calendar;
    private final ZoneId zone;

    DutyAttainment(JdbcClient jdbc, DutyPolicies duties, Scopes scopes, BusinessCalendar calendar,
            ZoneId businessZone) {
        this.jdbc = jdbc;
        this.duties = duties;
        this.scopes = scopes;
        this.calendar = calendar;
        this.zone = businessZone;
    }

    private record Person(long id, String name, Role role) {
    }

    /** Tallies of one person as rows stream in. */
    private static final class Acc {
        final Tally visits = new Tally();
        final Tally calls = new Tally();
        long accounts;
    }

    /** [from, to] for the people whose books the viewer sees (narrowed to one when {@code requested} is given). */
    public DutyReport of(Viewer viewer, LocalDate from, LocalDate to, Long requested) {
        RoleDuties all = duties.current();
        Scope people = viewer.book(requested);
        List<Role> dutied = RoleDuties.ROLES.stream().filter(r -> all.of(r).any()).toList();
        if (dutied.isEmpty()) {
            return new DutyReport(List.of());
        }
        List<Person> found = jdbc.sql("""
                SELECT id, display_name, role FROM app_user
                WHERE enabled = TRUE AND role IN (%s) AND %s ORDER BY display_name, id""".formatted(
                        dutied.stream().map(r -> "'" + r + "'").collect(Collectors.joining(",")),
                        people.peopleSql("id")))
                .query((rs, n) -> new Person(rs.getLong("id"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")))).list();
        Map<Long, Acc> tallies = new HashMap<>();
        found.forEach(p -> tallies.put(p.id(), new Acc()));
        List<Long> managers = found.stream().filter(p -> p.role() == Role.ACCOUNT_MANAGER).map(Person::id).toList();
        if (!managers.isEmpty()) {
            Scope books = Scope.of(managers);
            tally(all.of(Role.ACCOUNT_MANAGER), books.peopleSql("%s"), books.sql("t.owner_id"), "t.owner_id",
                    from, to, tallies);
        }
        for (Person p : found) {
            if (p.role().supervises()) {
                tally(all.of(p.role()), "%s = " + p.id(), scopes.below(p.id()).sql("t.owner_id"),
                        String.valueOf(p.id()), from, to, tallies);
            }
        }
        Map<Long, Set<LocalDate>> days = visitDays(found, all, from, to);
        WorkingCalendar working = calendar.workingCalendar();
        return new DutyReport(found.stream().map(p -> {
            Acc acc = tallies.get(p.id());
            Duty duty = all.of(p.role());
            return new DutyReport.Line(p.id(), p.name(), p.role(), acc.accounts, acc.visits, acc.calls,
                    DutyMath.workingDays(days.getOrDefault(p.id(), Set.of()), working),
                    DutyMath.daysRequired(duty.daysPerMonth(), from, to));
        }).sorted(Comparator.comparing((DutyReport.Line l) -> RoleDuties.ROLES.indexOf(l.role()))
                .thenComparing(DutyReport.Line::name)).toList());
    }

    /**
     * One row per key account of the books {@code owners} selects, with the visits and calls made
     * there by the person {@code person} names (a column, or a person's id) over the period.
     */
    private void tally(Duty duty, String loggers, String owners, String person, LocalDate from, LocalDate to,
            Map<Long, Acc> tallies) {
        Set<Tier> tiers = duty.keyTiers();
        if (tiers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                SELECT %s AS person, t.sort_tier, c.created_at,
                       COALESCE(a.visits, 0) AS visits, COALESCE(a.calls, 0) AS calls
                FROM customer_list_tier t JOIN customer c ON c.id = t.customer_id
                LEFT JOIN (SELECT x.customer_id, x.person,
                                  SUM(CASE WHEN x.channel = 'VISIT' THEN 1 ELSE 0 END) AS visits,
                                  SUM(CASE WHEN x.channel = 'PHONE' THEN 1 ELSE 0 END) AS calls
                           FROM (%s) x GROUP BY x.customer_id, x.person) a
                       ON a.customer_id = c.id AND a.person = %s
                WHERE t.sort_tier IN (%5$s) AND %4$s AND c.deleted = FALSE AND c.status NOT IN ('LOST', 'PROSPECT')"""
                .formatted(person, PersonContacts.of(loggers, "l.channel IN ('VISIT', 'PHONE')", true), person,
                        owners, tiers.stream().map(t -> "'" + t + "'").sorted().collect(Collectors.joining(","))))
                .param("since", startOf(from)).param("until", startOf(to.plusDays(1)))
                .query(rs -> {
                    Acc acc = tallies.get(rs.getLong("person"));
                    Tier tier = Tier.valueOf(rs.getString("sort_tier"));
                    LocalDate created = LocalDate.ofInstant(rs.getObject("created_at", OffsetDateTime.class)
                            .toInstant(), zone);
                    // an account that came during the period owes only from then on
                    LocalDate start = created.isAfter(from) ? created : from;
                    int visitsNeeded = start.isAfter(to) ? 0 : DutyMath.required(duty.of(tier).visitEveryDays(), start, to);
                    int callsNeeded = start.isAfter(to) ? 0 : DutyMath.required(duty.of(tier).callEveryDays(), start, to);
                    acc.accounts++;
                    acc.visits.add(visitsNeeded, rs.getInt("visits"));
                    acc.calls.add(callsNeeded, rs.getInt("calls"));
                });
    }

    /** Each person's dates with a visit (logged or joint) at a customer of their role's key tiers. */
    private Map<Long, Set<LocalDate>> visitDays(List<Person> people, RoleDuties all, LocalDate from, LocalDate to) {
        Map<Long, Set<Tier>> keyTiers = new HashMap<>();
        people.forEach(p -> keyTiers.put(p.id(), all.of(p.role()).keyTiers()));
        List<Long> asked = people.stream().filter(p -> all.of(p.role()).daysPerMonth() != null).map(Person::id).toList();
        Map<Long, Set<LocalDate>> days = new HashMap<>();
        if (asked.isEmpty()) {
            return days;
        }
        jdbc.sql("""
                SELECT x.person, t.sort_tier, x.occurred_at FROM (%s) x
                JOIN customer_list_tier t ON t.customer_id = x.customer_id
                WHERE t.sort_tier IS NOT NULL""".formatted(
                        PersonContacts.of(Scope.of(asked).peopleSql("%s"), "l.channel = 'VISIT'", true)))
                .param("since", startOf(from)).param("until", startOf(to.plusDays(1)))
                .query(rs -> {
                    long person = rs.getLong("person");
                    if (keyTiers.get(person).contains(Tier.valueOf(rs.getString("sort_tier")))) {
                        days.computeIfAbsent(person, p -> new HashSet<>()).add(LocalDate.ofInstant(
                                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), zone));
                    }
                });
        return days;
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
