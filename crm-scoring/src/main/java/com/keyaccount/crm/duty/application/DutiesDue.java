package com.keyaccount.crm.duty.application;

import com.keyaccount.crm.duty.application.DutyDay.DueList;
import com.keyaccount.crm.duty.application.DutyDay.Presence;
import com.keyaccount.crm.duty.application.DutyDay.Row;
import com.keyaccount.crm.followup.application.BusinessCalendar;
import com.keyaccount.crm.followup.rules.DutyKind;
import com.keyaccount.crm.followup.rules.RoleDuties.Duty;
import com.keyaccount.crm.scoring.duty.DutyMath;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Viewer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.keyaccount.crm.contactlog.ContactLogged;
import com.keyaccount.crm.customer.CustomerChanged;
import com.keyaccount.crm.customer.CustomersChanged;
import com.keyaccount.crm.tier.TiersChanged;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Scope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * My day's duties: the key accounts in the user's own books (an account manager's book, a
 * supervisor's region) that their role says they must visit or call and whose last such contact
 * of theirs — logged, or a joint visit naming them — is as old as the interval, and their days at
 * key accounts this month. The card is kept (below) until something it reads changes, so a visit
 * logged shows at the next request; "show all" reads afresh.
 */
@Service
public class DutiesDue {

    /** Rows of each list on My day; "show all" pages through the rest. */
    public static final int DAY_ROWS = 5;

    /** How long a card is kept at most; anything that can change one drops them all before that. */
    static final Duration KEPT = Duration.ofSeconds(60);

    /** Whose card, over which books, on which day. */
    private record Key(long userId, Role role, Scope scope, LocalDate day) {
    }

    /**
     * The cards computed, per user: My day is opened again and again between contacts. A contact
     * logged, a customer or tier changed or the duties changed drops them all once committed; a
     * changed organisation or team is a new scope, hence a new key.
     */
    private final Cache<Key, DutyDay> cards = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(KEPT).build();
    private final JdbcClient jdbc;
    private final DutyPolicies duties;
    private final DutyCard card;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    DutiesDue(JdbcClient jdbc, DutyPolicies duties, DutyCard card, BusinessCalendar calendar, Clock clock,
            ZoneId businessZone) {
        this.jdbc = jdbc;
        this.duties = duties;
        this.card = card;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = businessZone;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ContactLogged logged) {
        cards.invalidateAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomerChanged changed) {
        cards.invalidateAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomersChanged changed) {
        cards.invalidateAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TiersChanged changed) {
        cards.invalidateAll();
    }

    @TransactionalEventListener
    void on(DutiesChanged changed) {
        cards.invalidateAll();
    }

    /** The viewer's own duties today; {@link DutyDay#NONE} for a role without any. */
    public DutyDay of(Viewer viewer) {
        return cards.get(new Key(viewer.userId(), viewer.role(), viewer.scope(), today()), key -> compute(viewer));
    }

    private DutyDay compute(Viewer viewer) {
        Duty duty = duties.current().of(viewer.role());
        if (!duty.any()) {
            return DutyDay.NONE;
        }
        LocalDate today = today();
        List<DueList> lists = card.lists(viewer, duty, today, DAY_ROWS);
        Presence presence = duty.daysPerMonth() == null || duty.daysPerMonth() == 0 ? null
                : presence(viewer.userId(), duty, today);
        return new DutyDay(viewer.role(), lists, presence);
    }

    /** One kind of duty's key accounts due, a page at a time; an empty list for a kind the role has no duty of. */
    public DueList list(Viewer viewer, DutyKind kind, int page, int size) {
        return list(viewer, duties.current().of(viewer.role()), kind, today(), page, size);
    }

    private DueList list(Viewer viewer, Duty duty, DutyKind kind, LocalDate today, int page, int size) {
        DutyIntervals every = DutyIntervals.of(duty, kind, "k");
        if (every.none()) {
            return new DueList(kind, List.of(), 0, 0);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("me", viewer.userId());
        params.put("size", size);
        params.put("skip", (long) page * size);
        String lastContacts = every.lastContacts(params, today, zone);
        String due = every.due("m.last_at", params, today, zone);
        long[] total = {0};
        String tiers = every.tiers().stream().map(t -> "'" + t + "'").sorted().collect(Collectors.joining(","));
        // from the list's copy of the tiers (an index range per tier) less the lost and the prospects, as
        // My day's card reads them; the customers themselves for the page's rows only
        List<Row> rows = jdbc.sql("""
                SELECT d.id, c.code, c.name, d.sort_tier, u.display_name, d.last_at, d.total
                FROM (SELECT t.customer_id AS id, t.owner_id, t.sort_tier, m.last_at, COUNT(*) OVER () AS total
                      FROM customer_list_tier t
                      LEFT JOIN (%s) m ON m.customer_id = t.customer_id
                      WHERE t.sort_tier IN (%s) AND %s AND (%s) AND NOT EXISTS (SELECT 1 FROM customer gone
                          WHERE gone.id = t.customer_id AND gone.deleted = FALSE AND gone.status IN ('LOST', 'PROSPECT'))
                      ORDER BY m.last_at NULLS FIRST, t.customer_id
                      LIMIT :size OFFSET :skip) d
                JOIN customer c ON c.id = d.id
                JOIN app_user u ON u.id = d.owner_id
                ORDER BY d.last_at NULLS FIRST, d.id""".formatted(lastContacts, tiers,
                        viewer.scope().sql("t.owner_id"), due))
                .params(params).query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    OffsetDateTime at = rs.getObject("last_at", OffsetDateTime.class);
                    LocalDate last = at == null ? null : LocalDate.ofInstant(at.toInstant(), zone);
                    Tier tier = Tier.valueOf(rs.getString("sort_tier"));
                    int days = every.days(tier);
                    return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), tier,
                            rs.getString("display_name"), last, DutyMath.dueOn(last, days, today), days);
                }).list();
        if (rows.isEmpty() && page > 0) {
            // a page past the end reads no row, hence no total: the first page's says how many there are
            total[0] = list(viewer, duty, kind, today, 0, 1).total();
        }
        return new DueList(kind, rows, total[0], every.window());
    }

    private Presence presence(long person, Duty duty, LocalDate today) {
        LocalDate first = today.withDayOfMonth(1);
        LocalDate last = today.withDayOfMonth(today.lengthOfMonth());
        WorkingCalendar working = calendar.workingCalendar();
        Set<LocalDate> days = visitDays(person, duty.keyTiers(), first, today);
        int left = 0;
        for (LocalDate day = today.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            left += working.isWorkingDay(day) ? 1 : 0;
        }
        return new Presence(DutyMath.workingDays(days, working), duty.daysPerMonth(), left);
    }

    /**
     * The dates (business time zone) on which the person visited a customer of {@code tiers} (the
     * list's copy of the tiers holds no deleted customer).
     */
    private Set<LocalDate> visitDays(long person, Set<Tier> tiers, LocalDate from, LocalDate to) {
        if (tiers.isEmpty()) {
            return Set.of();
        }
        String in = tiers.stream().map(t -> "'" + t + "'").sorted().collect(Collectors.joining(","));
        return Set.copyOf(jdbc.sql("""
                SELECT x.occurred_at FROM (%s) x JOIN customer_list_tier t ON t.customer_id = x.customer_id
                WHERE t.sort_tier IN (%s)""".formatted(
                        PersonContacts.of("%s = :me", "l.channel = 'VISIT'", true), in))
                .param("me", person).param("since", startOf(from)).param("until", startOf(to.plusDays(1)))
                .query((rs, n) -> LocalDate.ofInstant(rs.getObject(1, OffsetDateTime.class).toInstant(), zone))
                .list());
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
