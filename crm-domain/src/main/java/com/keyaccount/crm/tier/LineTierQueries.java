package com.keyaccount.crm.tier;

import com.keyaccount.crm.productline.ProductLine;
import com.keyaccount.crm.productline.ProductLineRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the per-product-line tiers for pages. Callers pass ids of customers the viewer may
 * see (the customer service has checked them). Rows exist only while the policy in force ranks
 * per product line, and only for lines the customer sold on in the window.
 */
@Service
@Transactional(readOnly = true)
public class LineTierQueries {

    private static final String SELECT = """
            SELECT l.customer_id, l.product_line_id, COALESCE(NULLIF(TRIM(p.name), ''), p.code) AS line_name,
                   l.tier, l.revenue, l.margin, l.order_count, l.score, l.score_parts
            FROM customer_line_tier l JOIN product_line p ON p.id = l.product_line_id
            """;

    private final JdbcTemplate jdbc;
    private final LineRankings rankings;
    private final ProductLineRepository productLines;

    public LineTierQueries(JdbcTemplate jdbc, LineRankings rankings, ProductLineRepository productLines) {
        this.jdbc = jdbc;
        this.rankings = rankings;
        this.productLines = productLines;
    }

    /**
     * The customer's line tiers (Pareto: with the place in each line's ranking), and what its
     * tier for visit quotas was taken from under the row's policy.
     */
    public CustomerLineTiers of(CustomerTier tier) {
        if (tier == null || !tier.perProductLine()) {
            return CustomerLineTiers.NONE;
        }
        List<LineTier> lines = jdbc.query(SELECT + " WHERE l.customer_id = ? ORDER BY line_name, l.product_line_id",
                (rs, n) -> row(rs), tier.getCustomerId()).stream()
                .map(line -> rankings.rankOf(line.productLineId(), line.customerId()).map(line::explainedBy)
                        .orElse(line))
                .toList();
        Long quotaLine = tier.getQuotaProductLineId();
        if (quotaLine == null) {
            return new CustomerLineTiers(lines, lines.isEmpty() ? Basis.NO_LINE_SALES : Basis.BEST_LINE, null);
        }
        String name = productLines.findById(quotaLine).map(ProductLine::displayName).orElse("#" + quotaLine);
        boolean sold = lines.stream().anyMatch(line -> line.productLineId() == quotaLine);
        return new CustomerLineTiers(lines, sold ? Basis.NAMED_LINE : Basis.NO_NAMED_LINE_SALES, name);
    }

    /** Each customer's line tiers, by name of the line, for a list page (without ranks). */
    public Map<Long, List<LineTier>> of(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        String in = customerIds.stream().map(id -> "?").collect(Collectors.joining(","));
        Map<Long, List<LineTier>> found = new HashMap<>();
        jdbc.query(SELECT + " WHERE l.customer_id IN (" + in + ") ORDER BY line_name, l.product_line_id", rs -> {
            LineTier line = row(rs);
            found.computeIfAbsent(line.customerId(), id -> new ArrayList<>()).add(line);
        }, customerIds.toArray());
        return found;
    }

    /** Every product line, by code: the choices of the list's filter and the rule editor. */
    public List<ProductLine> productLines() {
        return productLines.findAllByOrderByCodeAsc();
    }

    private static LineTier row(ResultSet rs) throws SQLException {
        int score = rs.getInt("score");
        Integer scored = rs.wasNull() ? null : score;
        return new LineTier(rs.getLong("customer_id"), rs.getLong("product_line_id"), rs.getString("line_name"),
                Tier.valueOf(rs.getString("tier")), rs.getBigDecimal("revenue"), rs.getBigDecimal("margin"),
                rs.getLong("order_count"), scored, rs.getString("score_parts"), null, null, null);
    }

    /** Where a customer's tier for visit quotas came from, when tiers are ranked per product line. */
    public enum Basis {
        /** the best of its line tiers */
        BEST_LINE,
        /** its tier on the line the rules name */
        NAMED_LINE,
        /** no sales on any product line in the window: C */
        NO_LINE_SALES,
        /** no sales on the line the rules name: C */
        NO_NAMED_LINE_SALES
    }

    /**
     * @param basis     {@code null} when the customer's tier is not ranked per product line
     * @param quotaLine the name of the line the rules name, if they do
     */
    public record CustomerLineTiers(List<LineTier> lines, Basis basis, String quotaLine) {

        static final CustomerLineTiers NONE = new CustomerLineTiers(List.of(), null, null);

        public CustomerLineTiers {
            lines = List.copyOf(lines);
        }
    }
}
