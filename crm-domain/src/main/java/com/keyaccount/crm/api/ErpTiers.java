package com.keyaccount.crm.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Customers' tiers as the ERP reads them: by code, in code order. */
@Service
public class ErpTiers {

    private static final String SELECT = """
            SELECT c.code, c.name, t.effective_tier, t.computed_tier, t.pinned_tier, t.policy_version, t.computed_at
            FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id WHERE c.deleted = FALSE""";

    private final JdbcTemplate jdbc;

    public ErpTiers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One customer's tier; the tier fields are null until the first recompute. */
    public record CustomerTier(String code, String name, String tier, String computedTier, String pinnedTier,
            Integer policyVersion, String computedAt) {
    }

    public List<CustomerTier> page(int page, int size) {
        return jdbc.query(SELECT + " ORDER BY c.code LIMIT ? OFFSET ?", (rs, n) -> row(rs), size, (long) page * size);
    }

    public Optional<CustomerTier> byCode(String code) {
        return jdbc.query(SELECT + " AND c.code = ?", (rs, n) -> row(rs), code).stream().findFirst();
    }

    private static CustomerTier row(ResultSet rs) throws SQLException {
        Timestamp computedAt = rs.getTimestamp("computed_at");
        Integer version = (Integer) rs.getObject("policy_version");
        return new CustomerTier(rs.getString("code"), rs.getString("name"), rs.getString("effective_tier"),
                rs.getString("computed_tier"), rs.getString("pinned_tier"), version,
                computedAt == null ? null : computedAt.toInstant().toString());
    }
}
