package com.keyaccount.crm.productline;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.shared.RecordNotFoundException;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of {@code product_line} and {@code sales_setting}. Imports create the codes the
 * ERP sends (when the setting allows it), inside the transaction that merges the file, so a
 * rejected file leaves none behind; admins name them and switch automatic creation off and on.
 * Every change is audited.
 */
@Service
public class ProductLines {

    public static final String ENTITY = "ProductLine";
    public static final String SETTING_ENTITY = "SalesSetting";

    private final JdbcClient sql;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    ProductLines(JdbcTemplate jdbc, AuditTrail audit, java.time.Clock clock) {
        this.sql = JdbcClient.create(jdbc);
        this.audit = audit;
        this.clock = clock;
    }

    /** Every code that exists, for an import to tell known codes from new ones. */
    @Transactional(readOnly = true)
    public Set<String> codes() {
        return new HashSet<>(sql.sql("SELECT code FROM product_line").query(String.class).list());
    }

    /** What pages call the product line with this code: its name, else the code; empty when none has it. */
    @Transactional(readOnly = true)
    public Optional<String> displayNameOfCode(String code) {
        return sql.sql("SELECT COALESCE(name, code) FROM product_line WHERE code = :code").param("code", code)
                .query(String.class).optional();
    }

    /** What pages call the product line with this id: its name, else its code; empty when none has it. */
    @Transactional(readOnly = true)
    public Optional<String> displayName(long id) {
        return sql.sql("SELECT COALESCE(name, code) FROM product_line WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }

    /** Whether an import creates a product line code it does not know (else the line is refused). */
    @Transactional(readOnly = true)
    public boolean createsOnImport() {
        return sql.sql("SELECT create_product_lines FROM sales_setting WHERE id = 1").query(Boolean.class)
                .optional().orElse(Boolean.TRUE);
    }

    /**
     * Creates the codes an import names that do not exist yet, in the import's transaction. A code
     * another import created meanwhile is left as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void createForImport(Collection<String> codes, String actor) {
        Instant now = clock.instant();
        String by = actor.length() > 64 ? actor.substring(0, 64) : actor;
        for (String code : codes) {
            int created = sql.sql("""
                    INSERT INTO product_line (code, created_at, created_by) VALUES (:code, :at, :by)
                    ON CONFLICT DO NOTHING""")
                    .param("code", code).param("at", Timestamp.from(now)).param("by", by).update();
            if (created == 1) {
                long id = sql.sql("SELECT id FROM product_line WHERE code = :code").param("code", code)
                        .query(Long.class).single();
                audit.created(actor, ENTITY, id, null);
                audit.fieldChanged(actor, ENTITY, id, null, "code", null, code);
            }
        }
    }

    /** The admin page: every product line with its use in the window, and the setting. */
    @Transactional(readOnly = true)
    public Overview overview(Viewer admin, LocalDate from, LocalDate to) {
        requireAdmin(admin);
        List<ProductLineRow> lines = sql.sql("""
                SELECT p.id, p.code, p.name, p.created_at, p.created_by,
                       COALESCE(u.line_count, 0) AS line_count, COALESCE(u.customer_count, 0) AS customer_count
                FROM product_line p LEFT JOIN (
                    SELECT product_line_id, COUNT(*) AS line_count, COUNT(DISTINCT customer_id) AS customer_count
                    FROM sales_order WHERE order_date >= :from AND order_date <= :to AND product_line_id IS NOT NULL
                    GROUP BY product_line_id) u ON u.product_line_id = p.id
                ORDER BY p.code""").param("from", from).param("to", to)
                .query((rs, n) -> new ProductLineRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getLong("line_count"), rs.getLong("customer_count"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"))).list();
        return new Overview(lines, createsOnImport());
    }

    /**
     * Names a product line; a blank name takes the name away, so pages show the code again.
     *
     * @throws ProductLineNameTakenException when another product line has this name (ignoring case)
     */
    @Transactional
    public void rename(Viewer admin, long id, String name) {
        requireAdmin(admin);
        String newName = name == null || name.isBlank() ? null : name.strip();
        if (newName != null && (newName.length() > ProductLine.NAME_LENGTH
                || !ControlCharacters.absentFrom(newName, false))) {
            throw new IllegalArgumentException("not a product line name");
        }
        List<String> current = sql.sql("SELECT name FROM product_line WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> rs.getString("name")).list();
        if (current.isEmpty()) {
            throw new RecordNotFoundException("product line " + id);
        }
        String oldName = current.get(0);
        if (Objects.equals(oldName, newName)) {
            return;
        }
        if (newName != null && sql.sql("SELECT COUNT(*) FROM product_line WHERE id <> :id AND LOWER(name) = LOWER(:name)")
                .param("id", id).param("name", newName).query(Long.class).single() > 0) {
            throw new ProductLineNameTakenException(newName);
        }
        sql.sql("UPDATE product_line SET name = :name WHERE id = :id").param("name", newName).param("id", id).update();
        audit.fieldChanged(admin.username(), ENTITY, id, null, "name", oldName, newName);
    }

    /** Whether imports create unknown product line codes ({@code true}) or refuse their lines. */
    @Transactional
    public void createOnImport(Viewer admin, boolean create) {
        requireAdmin(admin);
        boolean before = createsOnImport();
        if (before != create) {
            sql.sql("UPDATE sales_setting SET create_product_lines = :create, updated_by = :by, updated_at = :at "
                    + "WHERE id = 1").param("create", create).param("by", admin.username())
                    .param("at", Timestamp.from(clock.instant())).update();
            audit.fieldChanged(admin.username(), SETTING_ENTITY, 1, null, "createProductLines", before, create);
        }
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("manage product lines");
        }
    }

    /** A product line as the admin page lists it, with its lines and customers in the window. */
    public record ProductLineRow(long id, String code, String name, long lines, long customers, Instant createdAt,
            String createdBy) {

        /** What pages show: the admin's name, else the ERP's code. */
        public String displayName() {
            return name == null ? code : name;
        }
    }

    /** The admin page's content. */
    public record Overview(List<ProductLineRow> lines, boolean createsOnImport) {
    }
}
