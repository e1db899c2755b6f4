package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.ProfileVerification;
import com.keyaccount.crm.followup.application.DueSection.Bucket;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Viewer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who must I contact today": one manager's overdue, due-today and this-week follow-ups from
 * the stored schedule (index range per manager), plus special days and profiles to verify.
 * How long that takes is the {@link #LATENCY} timer the operators watch (view "manager").
 */
@Service
@Transactional(readOnly = true)
public class MyDay {

    /**
     * Rows of the overdue and due-today sections on My day itself; "show all" pages through the
     * rest. Fifty each made a 300 KB page whose rendering was nine tenths of its server time, and
     * under fifty users at once the slowest page of all (issue 20); twenty fill a phone's screens.
     */
    public static final int SECTION_ROWS = 20;
    /**
     * Rows of "due in the next 7 days" on My day itself: on a phone fifty rows not yet due push
     * the special days out of reach; the week view and "show all" list them all.
     */
    public static final int WEEK_ROWS = 10;
    /** "This week" = the next seven days after today. */
    static final int WEEK_DAYS = 7;
    static final int VERIFY_ROWS = 20;
    /** Special days listed; a book of thousands has more birthdays a week than anyone reads. */
    static final int SPECIAL_ROWS = 30;
    static final String LATENCY = "crm.myday";

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final DueRows dueRows;
    private final SpecialDays specialDays;
    private final Clock clock;
    private final ZoneId zone;
    private final Timer latency;

    MyDay(JdbcTemplate jdbc, BusinessCalendar calendar, DueRows dueRows, SpecialDays specialDays, Clock clock,
            ZoneId businessZone, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.dueRows = dueRows;
        this.specialDays = specialDays;
        this.clock = clock;
        this.zone = businessZone;
        this.latency = latency(metrics, "manager");
    }

    /** The timer of building a day: the manager's here, the director's team day in {@link TeamDay}. */
    static Timer latency(MeterRegistry metrics, String view) {
        return Timer.builder(LATENCY).description("Building My day's lists (the page's database work)")
                .tag("view", view).register(metrics);
    }

    /**
     * Whose day the viewer may look at: an account manager only their own; a director or admin
     * any manager's (or their own, usually empty, book).
     */
    public static long ownerFor(Viewer viewer, Long requestedOwner) {
        return requestedOwner != null && viewer.canSee(requestedOwner) ? requestedOwner : viewer.userId();
    }

    public MyDayView of(long ownerId) {
        return of(ownerId, DueFilter.NONE);
    }

    /** The day, its three due sections narrowed to {@code filter}; special days and profiles are not. */
    public MyDayView of(long ownerId, DueFilter filter) {
        return latency.record(() -> build(ownerId, filter));
    }

    private MyDayView build(long ownerId, DueFilter filter) {
        LocalDate today = today();
        WorkingCalendar working = calendar.workingCalendar();
        SpecialDays.Week special = specialDays.ofWeek(ownerId, today, WEEK_DAYS, SPECIAL_ROWS);
        List<DueSection> sections = withMainContacts(List.of(
                section(ownerId, Bucket.OVERDUE, filter, 0, SECTION_ROWS, today, working),
                section(ownerId, Bucket.TODAY, filter, 0, SECTION_ROWS, today, working),
                section(ownerId, Bucket.WEEK, filter, 0, WEEK_ROWS, today, working)));
        return new MyDayView(ownerId, today, working.isWorkingDay(today), filter, filterCounts(ownerId, filter, today),
                sections.get(0), sections.get(1), sections.get(2),
                special.first(), special.total(),
                calendar.between(today, today.plusDays(WEEK_DAYS - 1L)),
                profilesToVerify(ownerId), countProfilesToVerify(ownerId));
    }

    /** One section, a page at a time, for "show all". */
    public DueSection section(long ownerId, Bucket bucket, int page, int size) {
        return section(ownerId, bucket, DueFilter.NONE, page, size);
    }

    /** One section narrowed to {@code filter}, a page at a time, for "show all". */
    public DueSection section(long ownerId, Bucket bucket, DueFilter filter, int page, int size) {
        return withMainContacts(List.of(section(ownerId, bucket, filter, page, size, today(),
                calendar.workingCalendar()))).get(0);
    }

    private DueSection section(long ownerId, Bucket bucket, DueFilter filter, int page, int size, LocalDate today,
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
        String where = "f.owner_id = ? AND " + range + filter.sql(args);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM follow_up f WHERE " + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<DueCustomer> rows = jdbc.query("SELECT " + DueRows.COLUMNS + " FROM " + DueRows.FROM + " WHERE " + where
                + " ORDER BY f.tier, f.due_on, " + DueRows.SERVE_FIRST + " LIMIT ? OFFSET ?",
                (rs, n) -> DueRows.row(rs, today, working), pageArgs.toArray());
        return new DueSection(bucket, rows, total == null ? 0 : total);
    }

    /**
     * The sections with each row's main contact, read in one query for all of them, and their
     * prospects' lead stages named.
     */
    private List<DueSection> withMainContacts(List<DueSection> sections) {
        List<DueCustomer> all = sections.stream().flatMap(s -> s.rows().stream()).toList();
        Map<Long, MainContact> contacts = dueRows.mainContacts(all.stream().map(DueCustomer::customerId).toList());
        UnaryOperator<DueCustomer> stages = dueRows.leadStages(all);
        return sections.stream().map(s -> new DueSection(s.bucket(), s.rows().stream()
                .map(r -> stages.apply(r.withContact(contacts.get(r.customerId())))).toList(), s.total())).toList();
    }

    /**
     * How many customers are due (overdue up to the end of the coming week) under each tier and
     * city, each count within the other filter, so a choice shows what it would leave.
     */
    private FilterCounts filterCounts(long ownerId, DueFilter filter, LocalDate today) {
        Map<Tier, Long> tiers = new EnumMap<>(Tier.class);
        Map<String, Long> cities = new TreeMap<>();
        jdbc.query("""
                SELECT f.tier, f.city, COUNT(*) AS n FROM follow_up f
                WHERE f.owner_id = ? AND f.due_on <= ? GROUP BY f.tier, f.city""", rs -> {
                    Tier tier = Tier.valueOf(rs.getString("tier"));
                    String city = rs.getString("city");
                    long n = rs.getLong("n");
                    if (filter.city() == null || filter.city().equals(city)) {
                        tiers.merge(tier, n, Long::sum);
                    }
                    if (city != null && (filter.tier() == null || filter.tier() == tier)) {
                        cities.merge(city, n, Long::sum);
                    }
                }, ownerId, Date.valueOf(today.plusDays(WEEK_DAYS)));
        if (filter.city() != null) {
            // the chosen city stays a choice even when nothing is due there any more
            cities.putIfAbsent(filter.city(), 0L);
        }
        return new FilterCounts(tiers, cities.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new FilterCounts.CityCount(e.getKey(), e.getValue())).toList());
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
        // the never-verified and the verified too long ago counted apart: each is one range of the
        // (owner, deleted, verified_at) index, where "IS NULL OR <" read all the owner's entries
        Long count = jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM customer WHERE owner_id = ? AND deleted = FALSE AND verified_at IS NULL)
                     + (SELECT COUNT(*) FROM customer WHERE owner_id = ? AND deleted = FALSE AND verified_at < ?)""",
                Long.class, ownerId, ownerId, verifyCutoff());
        return count == null ? 0 : count;
    }

    private Timestamp verifyCutoff() {
        return Timestamp.from(clock.instant().minus(ProfileVerification.INTERVAL));
    }

    /** Today's business date. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
