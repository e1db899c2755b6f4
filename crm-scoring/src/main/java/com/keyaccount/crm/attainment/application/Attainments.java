package com.keyaccount.crm.attainment.application;

import com.keyaccount.crm.attainment.application.AttainmentReport.Line;
import com.keyaccount.crm.attainment.application.AttainmentReport.Shortfall;
import com.keyaccount.crm.followup.application.QuotaPolicies.VersionedQuotas;
import com.keyaccount.crm.followup.application.QuotaPolicies;
import com.keyaccount.crm.followup.rules.ChannelGroup;
import com.keyaccount.crm.scoring.schedule.Attainment.Requirement;
import com.keyaccount.crm.scoring.schedule.Attainment.Tally;
import com.keyaccount.crm.scoring.schedule.Attainment;
import com.keyaccount.crm.scoring.service.ServiceKpi;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes attainment by streaming one aggregated row per customer (contacts counted in SQL),
 * so memory holds the per-manager and per-tier tallies, never the contact logs.
 */
@Service
@Transactional(readOnly = true)
public class Attainments {

    /** How many below-quota customers the page lists; the total is always shown. */
    public static final int LISTED = 200;

    private final JdbcTemplate jdbc;
    private final QuotaPolicies quotaPolicies;
    private final ZoneId zone;
    private final ServiceAttainment service;
    private final OnSiteAttainment onSite;

    Attainments(JdbcTemplate jdbc, QuotaPolicies quotaPolicies, ZoneId businessZone, ServiceAttainment service,
            OnSiteAttainment onSite) {
        this.jdbc = jdbc;
        this.quotaPolicies = quotaPolicies;
        this.zone = businessZone;
        this.service = service;
        this.onSite = onSite;
    }

    /** The report counting every logged on-site visit, verified or not. */
    public AttainmentReport report(Viewer viewer, LocalDate from, LocalDate to, Long requestedManager) {
        return report(viewer, from, to, requestedManager, false);
    }

    /**
     * The report for [from, to]. An account manager always gets their own book; a director or
     * admin gets everyone, a province or regional manager everyone below them, or one manager's
     * book of those when {@code requestedManager} is given. With
     * {@code verifiedOnly}, only on-site visits a check-in verified count towards the visit quotas
     * (issue 23); both counts are in every line's {@code onSite} either way.
     */
    public AttainmentReport report(Viewer viewer, LocalDate from, LocalDate to, Long requestedManager,
            boolean verifiedOnly) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from after to");
        }
        Scope book = viewer.book(requestedManager);
        Long manager = book.single() ? Long.valueOf(book.theOwner()) : null;
        VersionedQuotas quotas = quotaPolicies.current();
        LocalDate recentFrom = to.minusDays(29);
        LocalDate scanFrom = from.isBefore(recentFrom) ? from : recentFrom;
        Accumulator acc = new Accumulator(quotas, manager != null, verifiedOnly);
        String sql = """
                SELECT c.id, c.code, c.name, c.owner_id, u.display_name, c.created_at,
                       COALESCE(t.effective_tier, 'C') AS tier,
                       COALESCE(a.contacts, 0) AS contacts, COALESCE(a.visits, 0) AS visits,
                       COALESCE(a.verified_visits, 0) AS verified_visits, COALESCE(a.recent, 0) AS recent
                FROM customer c
                JOIN app_user u ON u.id = c.owner_id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                LEFT JOIN (SELECT l.customer_id,
                                  SUM(CASE WHEN l.occurred_at >= ? THEN 1 ELSE 0 END) AS contacts,
                                  SUM(CASE WHEN l.occurred_at >= ? AND l.channel = 'VISIT' THEN 1 ELSE 0 END) AS visits,
                                  SUM(CASE WHEN l.occurred_at >= ? AND l.channel = 'VISIT' AND v.verified = TRUE
                                      THEN 1 ELSE 0 END) AS verified_visits,
                                  SUM(CASE WHEN l.occurred_at >= ? THEN 1 ELSE 0 END) AS recent
                           FROM contact_log l LEFT JOIN visit_check v ON v.contact_log_id = l.id
                           WHERE l.occurred_at >= ? AND l.occurred_at < ?
                           GROUP BY l.customer_id) a ON a.customer_id = c.id
                WHERE c.deleted = FALSE AND c.status <> 'LOST' %s""".formatted(book.all() ? "" : "AND " + book.sql("c.owner_id"));
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setFetchSize(5_000);
            ps.setTimestamp(1, startOf(from));
            ps.setTimestamp(2, startOf(from));
            ps.setTimestamp(3, startOf(from));
            ps.setTimestamp(4, startOf(recentFrom));
            ps.setTimestamp(5, startOf(scanFrom));
            ps.setTimestamp(6, startOf(to.plusDays(1)));
            return ps;
        }, rs -> {
            LocalDate created = LocalDate.ofInstant(rs.getObject("created_at", OffsetDateTime.class).toInstant(), zone);
            acc.add(new CustomerCounts(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                    rs.getLong("owner_id"), rs.getString("display_name"), Tier.valueOf(rs.getString("tier")),
                    created.isAfter(from) ? created : from, to, rs.getInt("contacts"), rs.getInt("visits"),
                    rs.getInt("verified_visits"), rs.getInt("recent")));
        });
        service.of(from, to, book).forEach(acc::addService);
        acc.addPresence(onSite.of(from, to, book));
        return acc.report(from, to, manager, quotas.version());
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    private record CustomerCounts(long id, String code, String name, long ownerId, String ownerName, Tier tier,
            LocalDate from, LocalDate to, int contacts, int allVisits, int verifiedVisits, int recent) {
    }

    private static final class Group {
        final Long managerId;
        final String managerName;
        final Tier tier;
        final Tally contacts = new Tally();
        final Tally visits = new Tally();
        long customers;
        long belowQuota;
        long allVisits;
        long verifiedVisits;
        long secondsOnSite;
        Long daysAtCustomers;
        ServiceKpi service = ServiceKpi.NONE;

        Group(Long managerId, String managerName, Tier tier) {
            this.managerId = managerId;
            this.managerName = managerName;
            this.tier = tier;
        }

        void add(Requirement required, CustomerCounts c, int countedVisits, boolean below) {
            customers++;
            contacts.add(required.anyContacts(), c.contacts());
            visits.add(required.onSiteVisits(), countedVisits);
            allVisits += c.allVisits();
            verifiedVisits += c.verifiedVisits();
            if (below) {
                belowQuota++;
            }
        }

        Line line() {
            return new Line(managerId, managerName, tier, customers, contacts, visits, belowQuota, service,
                    new AttainmentReport.OnSite(allVisits, verifiedVisits, secondsOnSite, daysAtCustomers));
        }
    }

    private static final class Accumulator {
        private final VersionedQuotas quotas;
        private final boolean listCustomers;
        private final boolean verifiedOnly;
        private final Map<Long, Group> managers = new TreeMap<>();
        private final Map<Tier, Group> tiers = new EnumMap<>(Tier.class);
        private final Group total = new Group(null, null, null);
        private final List<Shortfall> below = new ArrayList<>();
        private final List<Shortfall> over = new ArrayList<>();

        Accumulator(VersionedQuotas quotas, boolean listCustomers, boolean verifiedOnly) {
            this.quotas = quotas;
            this.listCustomers = listCustomers;
            this.verifiedOnly = verifiedOnly;
        }

        void add(CustomerCounts c) {
            Requirement required = c.from().isAfter(c.to()) ? new Requirement(0, 0)
                    : Attainment.required(c.tier(), quotas.quotas(), c.from(), c.to());
            int visits = verifiedOnly ? c.verifiedVisits() : c.allVisits();
            boolean isBelow = c.contacts() < required.anyContacts() || visits < required.onSiteVisits();
            managers.computeIfAbsent(c.ownerId(), id -> new Group(id, c.ownerName(), null))
                    .add(required, c, visits, isBelow);
            tiers.computeIfAbsent(c.tier(), t -> new Group(null, null, t)).add(required, c, visits, isBelow);
            total.add(required, c, visits, isBelow);
            if (!listCustomers) {
                return;
            }
            Shortfall row = new Shortfall(c.id(), c.code(), c.name(), c.tier(), c.ownerName(), required.anyContacts(),
                    c.contacts(), required.onSiteVisits(), visits);
            if (isBelow) {
                below.add(row);
            }
            if (Attainment.overServiced(c.tier(), quotas.quotas(), c.recent())) {
                Integer max = quotas.quotas().of(c.tier()).of(ChannelGroup.ANY_CONTACT).atMostPer30Days();
                over.add(new Shortfall(c.id(), c.code(), c.name(), c.tier(), c.ownerName(), max, c.recent(), 0, 0));
            }
        }

        /** Complaints and surveys of customers the scan counted: their manager's and tier's groups exist. */
        void addService(ServiceAttainment.Key key, ServiceKpi kpi) {
            Group manager = managers.get(key.ownerId());
            if (manager != null) {
                manager.service = manager.service.plus(kpi);
            }
            Group tier = tiers.computeIfAbsent(key.tier(), t -> new Group(null, null, t));
            tier.service = tier.service.plus(kpi);
            total.service = total.service.plus(kpi);
        }

        /**
         * Time on site and days at customers of the managers the scan counted (a person without
         * customers in scope has no row); time on site also by tier and in total.
         */
        void addPresence(OnSiteAttainment.Presence presence) {
            presence.secondsOnSite().forEach((key, seconds) -> {
                Group manager = managers.get(key.userId());
                if (manager != null) {
                    manager.secondsOnSite += seconds;
                }
                tiers.computeIfAbsent(key.tier(), t -> new Group(null, null, t)).secondsOnSite += seconds;
                total.secondsOnSite += seconds;
            });
            managers.forEach((id, manager) -> manager.daysAtCustomers = presence.daysAtCustomers().getOrDefault(id, 0L));
        }

        AttainmentReport report(LocalDate from, LocalDate to, Long manager, int version) {
            below.sort(Comparator.comparing(Shortfall::tier).thenComparing(Comparator.comparingInt(Shortfall::missing)
                    .reversed()).thenComparing(Shortfall::name));
            over.sort(Comparator.comparingInt(Shortfall::contactsMade).reversed().thenComparing(Shortfall::name));
            List<Line> byTier = new ArrayList<>();
            for (Tier tier : Tier.values()) {
                // the top three always (a row of zeros says so); a fourth and fifth tier once a customer is in it
                if (tier.ordinal() <= Tier.C.ordinal() || tiers.containsKey(tier)) {
                    byTier.add(tiers.getOrDefault(tier, new Group(null, null, tier)).line());
                }
            }
            return new AttainmentReport(from, to, manager, version,
                    managers.values().stream().map(Group::line)
                            .sorted(Comparator.comparing(Line::managerName)).toList(),
                    byTier, total.line(), List.copyOf(below.subList(0, Math.min(LISTED, below.size()))), below.size(),
                    List.copyOf(over.subList(0, Math.min(LISTED, over.size()))), verifiedOnly);
        }
    }
}
