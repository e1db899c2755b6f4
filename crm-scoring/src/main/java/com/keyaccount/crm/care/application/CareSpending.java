package com.keyaccount.crm.care.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.scoring.care.CareBudget;
import com.keyaccount.crm.scoring.care.CareRules;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care spending against budget in a calendar year: a gift counts on the day it was given, once
 * given (approved where it needed approval). Budgets are for customers being served (active or
 * dormant); a lost customer's earlier gifts still count as spent.
 */
@Service
@Transactional(readOnly = true)
public class CareSpending {

    static final String ENTITY = "CustomerCareBudget";

    private final JdbcClient jdbc;
    private final CarePolicies policies;
    private final AuditTrail audit;
    private final Clock clock;

    CareSpending(JdbcClient jdbc, CarePolicies policies, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** One customer's year: its budget (its own where set) and what was given. */
    public record CustomerYear(long customerId, String code, String name, long ownerId, String ownerName, Tier tier,
            BigDecimal ownBudget, CareBudget budget) {
    }

    /** A group's year: per manager or per tier. */
    public record Line(String key, String label, long customers, CareBudget budget) {
    }

    /** The viewer's book in a year: per customer, per manager, per tier and in total. */
    public record Book(int year, List<CustomerYear> customers, List<Line> byManager, List<Line> byTier,
            CareBudget total) {
    }

    public CustomerYear customer(long customerId, int year) {
        return rows("c.id = :id", Map.of("id", customerId), year).stream().findFirst()
                .orElseGet(() -> new CustomerYear(customerId, null, null, 0, null, null, null,
                        new CareBudget(BigDecimal.ZERO, BigDecimal.ZERO)));
    }

    public Book book(Viewer viewer, int year) {
        List<CustomerYear> rows = viewer.role().seesAllCustomers()
                ? rows("TRUE", Map.of(), year)
                : rows("c.owner_id = :me", Map.of("me", viewer.userId()), year);
        Map<Long, List<CustomerYear>> byOwner = new TreeMap<>();
        Map<Tier, List<CustomerYear>> byTier = new EnumMap<>(Tier.class);
        rows.forEach(r -> {
            byOwner.computeIfAbsent(r.ownerId(), k -> new ArrayList<>()).add(r);
            byTier.computeIfAbsent(r.tier() == null ? Tier.C : r.tier(), k -> new ArrayList<>()).add(r);
        });
        List<Line> managers = byOwner.values().stream().map(list -> new Line(String.valueOf(list.get(0).ownerId()),
                list.get(0).ownerName(), list.size(), CareBudget.sum(list.stream().map(CustomerYear::budget).toList())))
                .sorted(Comparator.comparing(Line::label)).toList();
        List<Line> tiers = byTier.entrySet().stream().map(e -> new Line(e.getKey().name(), e.getKey().name(),
                e.getValue().size(), CareBudget.sum(e.getValue().stream().map(CustomerYear::budget).toList()))).toList();
        List<CustomerYear> spenders = rows.stream().filter(r -> r.budget().spent().signum() > 0 || r.budget().over())
                .sorted(Comparator.comparing((CustomerYear r) -> r.budget().spent()).reversed()).toList();
        return new Book(year, spenders, managers, tiers,
                CareBudget.sum(rows.stream().map(CustomerYear::budget).toList()));
    }

    /** Rows of customers served, or with spending in the year. */
    private List<CustomerYear> rows(String where, Map<String, Object> params, int year) {
        CareRules rules = policies.inForce();
        Map<String, Object> args = new java.util.HashMap<>(params);
        args.put("first", Date.valueOf(LocalDate.of(year, 1, 1)));
        args.put("last", Date.valueOf(LocalDate.of(year, 12, 31)));
        return jdbc.sql("""
                SELECT c.id, c.code, c.name, c.owner_id, u.display_name, c.status, t.effective_tier, b.amount,
                       s.spent
                FROM customer c JOIN app_user u ON u.id = c.owner_id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                LEFT JOIN customer_care_budget b ON b.customer_id = c.id
                LEFT JOIN (SELECT customer_id, SUM(cost) AS spent FROM care_task
                           WHERE state = 'DONE' AND done_on BETWEEN :first AND :last AND cost IS NOT NULL
                           GROUP BY customer_id) s ON s.customer_id = c.id
                WHERE c.deleted = FALSE AND (c.status IN ('ACTIVE', 'DORMANT') OR s.spent IS NOT NULL) AND """
                + " " + where + " ORDER BY c.id")
                .params(args).query((rs, n) -> {
                    String tierCode = rs.getString("effective_tier");
                    Tier tier = tierCode == null ? null : Tier.valueOf(tierCode);
                    BigDecimal own = rs.getBigDecimal("amount");
                    boolean served = !"LOST".equals(rs.getString("status"));
                    BigDecimal budget = served ? rules.budgetOf(tier, own) : BigDecimal.ZERO;
                    return new CustomerYear(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            rs.getLong("owner_id"), rs.getString("display_name"), tier, own,
                            new CareBudget(budget, rs.getBigDecimal("spent")));
                }).list();
    }

    /** A director sets a customer's own yearly budget, or clears it (null) to use its tier's. */
    @Transactional
    public void setOwnBudget(Viewer viewer, long customerId, BigDecimal amount) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("set care budgets");
        }
        BigDecimal before = jdbc.sql("SELECT amount FROM customer_care_budget WHERE customer_id = ?")
                .params(customerId).query(BigDecimal.class).optional().orElse(null);
        jdbc.sql("DELETE FROM customer_care_budget WHERE customer_id = ?").params(customerId).update();
        if (amount != null) {
            jdbc.sql("INSERT INTO customer_care_budget (customer_id, amount, set_by, set_at) VALUES (?, ?, ?, ?)")
                    .params(customerId, amount, viewer.username(), Timestamp.from(clock.instant())).update();
        }
        audit.fieldChanged(viewer.username(), ENTITY, customerId, customerId, "careBudget",
                before == null ? null : before.toPlainString(), amount == null ? null : amount.toPlainString());
    }
}
