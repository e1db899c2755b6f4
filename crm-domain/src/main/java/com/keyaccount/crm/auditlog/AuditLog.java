package com.keyaccount.crm.auditlog;

import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log (directors and admins): filtered, newest first, a page at a time. Never written here. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    public static final int PAGE_SIZE = 100;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public AuditLog(JdbcTemplate jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    /** What to show; every part optional. Days are business days, both included. */
    public record Filter(String actor, String customerCode, String entityType, LocalDate from, LocalDate to) {
    }

    /** One page, and whether there is another. */
    public record Page(List<AuditEntry> entries, int number, boolean hasNext) {
    }

    public List<String> entityTypes(Viewer viewer) {
        requireLeadership(viewer);
        return jdbc.queryForList("SELECT DISTINCT entity_type FROM audit_event ORDER BY entity_type", String.class);
    }

    public Page page(Viewer viewer, Filter filter, int number) {
        requireLeadership(viewer);
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (filter.actor() != null) {
            where.append(" AND a.actor = ?");
            args.add(filter.actor());
        }
        if (filter.customerCode() != null) {
            where.append(" AND c.code = ?");
            args.add(filter.customerCode());
        }
        if (filter.entityType() != null) {
            where.append(" AND a.entity_type = ?");
            args.add(filter.entityType());
        }
        if (filter.from() != null) {
            where.append(" AND a.occurred_at >= ?");
            args.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" AND a.occurred_at < ?");
            args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        args.add(PAGE_SIZE + 1);
        args.add((long) number * PAGE_SIZE);
        List<AuditEntry> rows = jdbc.query("""
                SELECT a.id, a.occurred_at, a.actor, a.action, a.entity_type, a.entity_id, a.customer_id, c.code,
                       c.name AS customer_name, %s AS subject, a.field, a.old_value, a.new_value
                FROM audit_event a LEFT JOIN customer c ON c.id = a.customer_id
                WHERE %s ORDER BY a.occurred_at DESC, a.id DESC LIMIT ? OFFSET ?""".formatted(SUBJECT, where),
                (rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                        (Long) nullable(rs.getObject("entity_id")), (Long) nullable(rs.getObject("customer_id")),
                        rs.getString("code"), rs.getString("customer_name"), rs.getString("subject"),
                        rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value")), args.toArray());
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, number, more);
    }

    /** Looked up for the page's rows only: what each kind of record is known by. */
    private static final String SUBJECT = """
            CASE a.entity_type
              WHEN 'AppUser' THEN (SELECT u.username FROM app_user u WHERE u.id = a.entity_id)
              WHEN 'Contact' THEN (SELECT k.name FROM contact k WHERE k.id = a.entity_id)
              WHEN 'ApiToken' THEN (SELECT t.name FROM api_token t WHERE t.id = a.entity_id)
              WHEN 'TierPolicy' THEN (SELECT CAST(p.version AS VARCHAR(12)) FROM tier_policy p WHERE p.id = a.entity_id)
              WHEN 'ProspectLadder' THEN CAST(a.entity_id AS VARCHAR(12))
              WHEN 'User' THEN a.actor
            END""";

    private static Object nullable(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static void requireLeadership(Viewer viewer) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("read the audit log");
        }
    }
}
