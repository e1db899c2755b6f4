package com.keyaccount.crm.customer;

import com.keyaccount.crm.shared.DatabaseVendor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
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
 * tier looked up, cost seconds; skipping 50,000 index entries costs milliseconds.
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
    Page<Customer> search(Specification<Customer> matching, Pageable pageable) {
        if (!database.isH2()) {
            // after a few runs PostgreSQL plans a prepared statement once for any offset and limit,
            // guessing a tenth of the rows, and sorts the whole book rather than read 25 from an index
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
        List<Long> ids = ids(matching, pageable);
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        List<Customer> page = ids.isEmpty() ? List.of() : customers.findByIdIn(ids).stream()
                .sorted(Comparator.comparing(c -> position.get(c.getId()))).toList();
        // the count only when the page cannot tell it (as Spring Data's own paging)
        return PageableExecutionUtils.getPage(page, pageable, () -> customers.count(matching));
    }

    private List<Long> ids(Specification<Customer> matching, Pageable pageable) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Customer> customer = query.from(Customer.class);
        query.select(customer.get("id")).where(matching.toPredicate(customer, query, cb));
        query.orderBy(QueryUtils.toOrders(sortable(pageable.getSort()), customer, cb));
        var typed = entities.createQuery(query);
        if (pageable.isPaged()) {
            typed.setFirstResult((int) pageable.getOffset()).setMaxResults(pageable.getPageSize());
        }
        return typed.getResultList();
    }

    /** The tier sorts by its copy on the customer (same values, same order), which an index serves. */
    private static Sort sortable(Sort sort) {
        return Sort.by(sort.stream().map(order -> "tier".equals(order.getProperty())
                ? order.withProperty("tierInForce.sortTier") : order).toList());
    }
}
