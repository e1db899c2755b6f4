package com.keyaccount.crm.customer;

import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.user.Viewer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A page of the customer list in two steps: the page's ids first, sorted and skipped over by an
 * index alone, then those customers with their owners. Skipping 50,000 whole rows, each with its
 * tier looked up, cost seconds; skipping 50,000 index entries costs milliseconds. The tier order
 * is kept apart from the customer ({@link ListTier}): sorted or filtered by tier and owner alone,
 * a page is read from it without the customer table.
 */
@Component
class CustomerPages {

    private final CustomerRepository customers;
    private final EntityManager entities;
    private final JdbcTemplate jdbc;
    private final DatabaseVendor database;

    CustomerPages(CustomerRepository customers, EntityManager entities, JdbcTemplate jdbc, DatabaseVendor database) {
        this.customers = customers;
        this.entities = entities;
        this.jdbc = jdbc;
        this.database = database;
    }

    /** Call inside a transaction (the use cases' own). */
    Page<Customer> search(Viewer viewer, CustomerCriteria criteria, Pageable pageable) {
        if (!database.isH2()) {
            // after a few runs PostgreSQL plans a prepared statement once for any offset and limit,
            // guessing a tenth of the rows, and sorts the whole book rather than read 25 from an index
            // and the list's indexes are read all the time and kept in memory: priced as reads from
            // disk, PostgreSQL preferred reading every wide customer row to reading one of them
            // a drill-down's count is priced above jit_above_cost, and compiling it took longer (140 ms)
            // than running it; parallel workers each build the same hash of a semi-join, which on two
            // cores shared with the application doubled the time of "sold last month"
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL random_page_cost = 1.1;"
                    + " SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0");
        }
        Specification<Customer> matching = CustomerSpecifications.visibleMatching(viewer, criteria);
        boolean tierOrderAlone = tierOrderAlone(criteria);
        if (!CustomerFocus.NONE.equals(criteria.focus())) {
            // a drill-down counts first, and a page past its last customer is not asked for: expecting
            // matches spread through the name order, the database read all of it to find none
            // (every customer contacted: 97k rows walked for "not contacted for 90 days")
            long total = customers.count(matching);
            return total <= pageable.getOffset() ? new PageImpl<>(List.of(), pageable, total)
                    : new PageImpl<>(page(ids(matching, pageable)), pageable, total);
        }
        List<Long> ids = tierOrderAlone && byTier(pageable.getSort()) ? tierOrderIds(viewer, criteria, pageable)
                : ids(matching, pageable);
        // the count only when the page cannot tell it (as Spring Data's own paging)
        LongSupplier count = tierOrderAlone ? () -> tierOrderCount(viewer, criteria) : () -> customers.count(matching);
        return PageableExecutionUtils.getPage(page(ids), pageable, count);
    }

    /** The customers of {@code ids}, with their owners, in that order. */
    private List<Customer> page(List<Long> ids) {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        return ids.isEmpty() ? List.of() : customers.findByIdIn(ids).stream()
                .sorted(Comparator.comparing(c -> position.get(c.getId()))).toList();
    }

    private List<Long> ids(Specification<Customer> matching, Pageable pageable) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Customer> customer = query.from(Customer.class);
        Predicate where = matching.toPredicate(customer, query, cb);
        List<Order> orders = new ArrayList<>();
        Root<ListTier> tiers = null;
        for (Sort.Order order : pageable.getSort()) {
            if ("tier".equals(order.getProperty())) {
                if (tiers == null) {
                    tiers = query.from(ListTier.class);
                    where = cb.and(where, cb.equal(tiers.get("customerId"), customer.get("id")));
                }
                orders.add(order.isAscending() ? cb.asc(tiers.get("sortTier")) : cb.desc(tiers.get("sortTier")));
            } else {
                orders.addAll(QueryUtils.toOrders(Sort.by(order), customer, cb));
            }
        }
        query.select(customer.get("id")).where(where).orderBy(orders);
        return paged(entities.createQuery(query), pageable);
    }

    /** Filters the tier order answers alone: the tier and the owner, besides who may see what. */
    private static boolean tierOrderAlone(CustomerCriteria c) {
        return (c.text() == null || c.text().isBlank()) && c.productLineId() == null && c.region() == null
                && c.industry() == null && c.status() == null && CustomerFocus.NONE.equals(c.focus())
                && Place.NONE.equals(c.place());
    }

    /** Sorted by tier, then id: the order the tier order's index keeps. */
    private static boolean byTier(Sort sort) {
        return sort.stream().anyMatch(order -> "tier".equals(order.getProperty()))
                && sort.stream().allMatch(order -> "tier".equals(order.getProperty())
                        || "id".equals(order.getProperty()));
    }

    private List<Long> tierOrderIds(Viewer viewer, CustomerCriteria criteria, Pageable pageable) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<ListTier> tiers = query.from(ListTier.class);
        List<Order> orders = new ArrayList<>();
        for (Sort.Order order : pageable.getSort()) {
            Path<?> key = tiers.get("tier".equals(order.getProperty()) ? "sortTier" : "customerId");
            orders.add(order.isAscending() ? cb.asc(key) : cb.desc(key));
        }
        query.select(tiers.get("customerId")).where(tierOrderMatching(viewer, criteria, tiers, cb)).orderBy(orders);
        return paged(entities.createQuery(query), pageable);
    }

    private long tierOrderCount(Viewer viewer, CustomerCriteria criteria) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<ListTier> tiers = query.from(ListTier.class);
        query.select(cb.count(tiers)).where(tierOrderMatching(viewer, criteria, tiers, cb));
        return entities.createQuery(query).getSingleResult();
    }

    /** As {@link CustomerSpecifications#visibleMatching}: the tier order holds only customers not deleted. */
    private static Predicate[] tierOrderMatching(Viewer viewer, CustomerCriteria criteria, Root<ListTier> tiers,
            CriteriaBuilder cb) {
        List<Predicate> where = new ArrayList<>();
        if (!viewer.scope().all()) {
            where.add(OwnerPredicates.within(viewer.scope(), tiers.get("ownerId"), tiers.get("customerId"), cb));
        }
        if (criteria.ownerId() != null) {
            where.add(cb.equal(tiers.get("ownerId"), criteria.ownerId()));
        }
        if (criteria.tier() != null) {
            where.add(cb.equal(tiers.get("sortTier"), criteria.tier()));
        }
        return where.toArray(Predicate[]::new);
    }

    private static List<Long> paged(TypedQuery<Long> typed, Pageable pageable) {
        if (pageable.isPaged()) {
            typed.setFirstResult((int) pageable.getOffset()).setMaxResults(pageable.getPageSize());
        }
        return typed.getResultList();
    }
}
