package com.keyaccount.crm.customer;

import com.keyaccount.crm.customer.CustomerFocus.GridCell;
import com.keyaccount.crm.customer.CustomerFocus.SalesWindow;
import com.keyaccount.crm.customer.CustomerFocus.TierMove;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierChange;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@link CustomerFocus} filters as predicates over the list's customer, each one the same
 * rule as the SQL of the page whose figure it opens (coverage, the overview, the migrations
 * matrix), written as correlated EXISTS so the database runs them as semi-joins.
 */
final class FocusPredicates {

    private final Root<Customer> customer;
    private final CriteriaQuery<?> query;
    private final CriteriaBuilder cb;

    private FocusPredicates(Root<Customer> customer, CriteriaQuery<?> query, CriteriaBuilder cb) {
        this.customer = customer;
        this.query = query;
        this.cb = cb;
    }

    static List<Predicate> of(CustomerFocus focus, Root<Customer> customer, CriteriaQuery<?> query,
            CriteriaBuilder cb) {
        return new FocusPredicates(customer, query, cb).all(focus);
    }

    private List<Predicate> all(CustomerFocus focus) {
        List<Predicate> where = new ArrayList<>();
        if (focus.unclassified()) {
            // no tier yet, as the list's tier order says (kept with every tier write): read from its
            // index alone, where NOT EXISTS over the tier rows scanned them all (200 ms at 100k)
            where.add(customer.get("id").in(CustomerSpecifications.listed(query, cb, null)));
        }
        if (focus.served() || focus.overdueBefore() != null || focus.notContactedSince() != null) {
            where.add(cb.notEqual(customer.get("status"), CustomerStatus.LOST));
        }
        if (focus.overdueBefore() != null) {
            Subquery<Long> due = query.subquery(Long.class);
            Root<FollowUpDue> f = due.from(FollowUpDue.class);
            due.select(f.get("customerId")).where(cb.equal(f.get("customerId"), customer.get("id")),
                    cb.lessThan(f.get("dueOn"), focus.overdueBefore()));
            where.add(cb.exists(due));
        }
        if (focus.notContactedSince() != null) {
            // from each customer's latest contact, kept by triggers (NULL: never contacted): the
            // customers not contacted since are one range of its index, where asking the log itself
            // probed it once per customer
            Subquery<Long> silent = query.subquery(Long.class);
            Root<LastContact> last = silent.from(LastContact.class);
            silent.select(last.get("customerId")).where(cb.or(cb.isNull(last.get("lastContactAt")),
                    cb.lessThan(last.get("lastContactAt"), focus.notContactedSince())));
            where.add(customer.get("id").in(silent));
        }
        if (focus.sales() != null) {
            where.add(sold(focus.sales()));
        }
        if (focus.move() != null) {
            where.add(moved(focus.move()));
        }
        if (focus.cell() != null) {
            where.add(inCell(focus.cell()));
        }
        return where;
    }

    private Predicate inCell(GridCell cell) {
        var potential = customer.get("assessment").<Integer>get("potential");
        var adoption = customer.get("assessment").<Adoption>get("adoption");
        Predicate notLost = cb.notEqual(customer.get("status"), CustomerStatus.LOST);
        if (cell.band() == null) {
            return cb.and(notLost, cb.or(cb.isNull(potential), cb.isNull(adoption)));
        }
        return cb.and(notLost, cb.between(potential, cell.band().from(), cell.band().to()),
                adoption.in(cell.column().adoptions()));
    }

    private Predicate sold(SalesWindow window) {
        Subquery<Long> sold = query.subquery(Long.class);
        Root<SaleLine> o = sold.from(SaleLine.class);
        List<Predicate> match = new ArrayList<>(List.of(cb.equal(o.get("customerId"), customer.get("id")),
                cb.between(o.get("orderDate"), window.from(), window.to())));
        if (window.productLineId() != null) {
            match.add(cb.equal(o.get("productLineId"), window.productLineId()));
        }
        sold.select(o.get("id")).where(match.toArray(Predicate[]::new));
        return cb.exists(sold);
    }

    private Predicate moved(TierMove move) {
        if (move.direction() == 0) {
            return cell(move.start(), move.end(), move.from(), move.to());
        }
        // every cell of one direction at once: the tier in force at the end is better (worse) than
        // where the period starts; one correlated test per customer, where one per pair of tier codes
        // made ten since the ladder has five codes (three seconds at 100k customers, 200k history rows)
        Subquery<Long> ends = query.subquery(Long.class);
        Root<TierChange> end = ends.from(TierChange.class);
        Expression<Tier> endTier = end.get("toTier");
        Predicate starts = cb.or(
                latest(ends, move.start(), h -> beyond(endTier, h.get("toTier"), move.direction())),
                cb.and(cb.not(anyChangeBefore(ends, move.start())),
                        firstWithin(ends, move.start(), move.end(), h -> beyond(endTier, h.get("toTier"), move.direction()))));
        ends.select(end.get("id")).where(latestBefore(ends, end, move.end()), starts);
        return cb.exists(ends);
    }

    /** {@code to} is a better tier than {@code from} (direction negative) or a worse one (positive): codes sort as tiers. */
    private Predicate beyond(Expression<Tier> to, Expression<Tier> from, int direction) {
        return direction < 0 ? cb.lessThan(to, from) : cb.greaterThan(to, from);
    }

    /**
     * One cell of the matrix: the tier in force at {@code end} is {@code to}, and the period
     * starts from {@code from} — the tier in force at {@code start}, or for a customer first
     * classified within the period its first tier there, when that is not where it ends.
     */
    private Predicate cell(Instant start, Instant end, Tier from, Tier to) {
        Predicate ends = to == null ? cb.not(anyChangeBefore(query, end)) : latestBeforeIs(end, to);
        Predicate starts;
        if (from != null) {
            starts = from == to ? latestBeforeIs(start, from)
                    : cb.or(latestBeforeIs(start, from), cb.and(cb.not(anyChangeBefore(query, start)),
                            firstWithin(query, start, end, h -> cb.equal(h.get("toTier"), from))));
        } else {
            Predicate unchanged = to == null ? cb.conjunction()
                    : cb.not(firstWithin(query, start, end, h -> cb.notEqual(h.get("toTier"), to)));
            starts = cb.and(cb.not(anyChangeBefore(query, start)), unchanged);
        }
        return cb.and(ends, starts);
    }

    private Predicate anyChangeBefore(CommonAbstractCriteria parent, Instant moment) {
        Subquery<Long> any = parent.subquery(Long.class);
        Root<TierChange> h = any.from(TierChange.class);
        any.select(h.get("id")).where(cb.equal(h.get("customerId"), customer.get("id")),
                cb.lessThan(h.get("changedAt"), moment));
        return cb.exists(any);
    }

    /** The latest change before {@code moment} went to {@code tier}. */
    private Predicate latestBeforeIs(Instant moment, Tier tier) {
        return latest(query, moment, h -> cb.equal(h.get("toTier"), tier));
    }

    /** The latest change before {@code moment} meets {@code test}. */
    private Predicate latest(CommonAbstractCriteria parent, Instant moment, Function<Root<TierChange>, Predicate> test) {
        Subquery<Long> latest = parent.subquery(Long.class);
        Root<TierChange> h = latest.from(TierChange.class);
        latest.select(h.get("id")).where(latestBefore(latest, h, moment), test.apply(h));
        return cb.exists(latest);
    }

    /** {@code h} is the customer's latest change before {@code moment}. */
    private Predicate latestBefore(Subquery<Long> owner, Root<TierChange> h, Instant moment) {
        Subquery<Long> later = owner.subquery(Long.class);
        Root<TierChange> h2 = later.from(TierChange.class);
        later.select(h2.get("id")).where(cb.equal(h2.get("customerId"), h.get("customerId")),
                cb.lessThan(h2.get("changedAt"), moment),
                cb.or(cb.greaterThan(h2.get("changedAt"), h.<Instant>get("changedAt")),
                        cb.and(cb.equal(h2.get("changedAt"), h.get("changedAt")), cb.greaterThan(h2.get("id"), h.<Long>get("id")))));
        return cb.and(cb.equal(h.get("customerId"), customer.get("id")), cb.lessThan(h.get("changedAt"), moment),
                cb.not(cb.exists(later)));
    }

    /** The first change within the period meets {@code test}. */
    private Predicate firstWithin(CommonAbstractCriteria parent, Instant start, Instant end,
            Function<Root<TierChange>, Predicate> test) {
        Subquery<Long> first = parent.subquery(Long.class);
        Root<TierChange> h = first.from(TierChange.class);
        Subquery<Long> earlier = first.subquery(Long.class);
        Root<TierChange> h2 = earlier.from(TierChange.class);
        earlier.select(h2.get("id")).where(cb.equal(h2.get("customerId"), h.get("customerId")),
                cb.greaterThanOrEqualTo(h2.get("changedAt"), start),
                cb.or(cb.lessThan(h2.get("changedAt"), h.<Instant>get("changedAt")),
                        cb.and(cb.equal(h2.get("changedAt"), h.get("changedAt")), cb.lessThan(h2.get("id"), h.<Long>get("id")))));
        first.select(h.get("id")).where(cb.equal(h.get("customerId"), customer.get("id")),
                cb.greaterThanOrEqualTo(h.get("changedAt"), start), cb.lessThan(h.get("changedAt"), end),
                test.apply(h), cb.not(cb.exists(earlier)));
        return cb.exists(first);
    }
}
