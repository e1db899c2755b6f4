package com.keyaccount.crm.attachment;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's setting of how many days the files of a deleted customer, and attachments deleted by
 * hand, are kept before the nightly job removes them for good. The only writer of
 * {@code file_setting}; every change audited.
 */
@Service
public class FileRetention {

    public static final String ENTITY = "FileSetting";
    public static final int MAX_DAYS = 3650;
    static final int DEFAULT_DAYS = 365;

    private final JdbcClient sql;
    private final AuditTrail audit;
    private final Clock clock;

    FileRetention(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.sql = JdbcClient.create(jdbc);
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public int days() {
        return sql.sql("SELECT retention_days FROM file_setting WHERE id = 1").query(Integer.class).optional()
                .orElse(DEFAULT_DAYS);
    }

    /** @throws IllegalArgumentException for a number of days outside 0 … {@value #MAX_DAYS} */
    @Transactional
    public void change(Viewer admin, int days) {
        if (admin.role() != Role.ADMIN) {
            throw new NotPermittedException("change the file retention");
        }
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("retention days out of range: " + days);
        }
        int before = days();
        if (before != days) {
            sql.sql("UPDATE file_setting SET retention_days = :days, updated_by = :by, updated_at = :at WHERE id = 1")
                    .param("days", days).param("by", admin.username()).param("at", Timestamp.from(clock.instant()))
                    .update();
            audit.fieldChanged(admin.username(), ENTITY, 1, null, "retentionDays", before, days);
        }
    }
}
