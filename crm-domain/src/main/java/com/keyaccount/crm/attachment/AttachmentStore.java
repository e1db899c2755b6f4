package com.keyaccount.crm.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The only writer of {@code attachment}; its reads for the pages, one query per list. */
@Component
class AttachmentStore {

    private static final String VIEW = """
            SELECT a.id, a.customer_id, a.contact_log_id, a.complaint_id, a.file_name, a.content_type, a.size_bytes,
                   a.thumbnail_key, a.taken_at, a.uploaded_at, u.display_name
            FROM attachment a JOIN app_user u ON u.id = a.uploaded_by
            """;

    /** An attachment's row with what a download and a deletion need. */
    record Row(long id, long customerId, Long contactLogId, Long complaintId, String storageKey, String thumbnailKey,
            String fileName, String contentType, long sizeBytes, long ownerId, boolean customerDeleted) {
    }

    /** A row the retention job removes, with its objects. */
    record Purgeable(long id, long customerId, String storageKey, String thumbnailKey) {
    }

    private final JdbcClient sql;

    AttachmentStore(JdbcTemplate jdbc) {
        this.sql = JdbcClient.create(jdbc);
    }

    long insert(long customerId, Long contactLogId, Long complaintId, StoredFile stored, long uploadedBy,
            Instant at) {
        PreparedFile file = stored.file();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        sql.sql("""
                INSERT INTO attachment (customer_id, contact_log_id, complaint_id, storage_key, thumbnail_key,
                    file_name, content_type, size_bytes, sha256, taken_at, uploaded_by, uploaded_at)
                VALUES (:customer, :log, :complaint, :key, :thumb, :name, :type, :size, :sha, :taken, :by, :at)""")
                .param("customer", customerId).param("log", contactLogId).param("complaint", complaintId)
                .param("key", stored.storageKey()).param("thumb", stored.thumbnailKey())
                .param("name", file.fileName()).param("type", file.contentType())
                .param("size", (long) file.content().length).param("sha", file.sha256())
                .param("taken", file.takenAt() == null ? null : Timestamp.from(file.takenAt()))
                .param("by", uploadedBy).param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Row> findLive(long id) {
        return sql.sql("""
                SELECT a.id, a.customer_id, a.contact_log_id, a.complaint_id, a.storage_key, a.thumbnail_key, a.file_name,
                       a.content_type, a.size_bytes, c.owner_id, c.deleted
                FROM attachment a JOIN customer c ON c.id = a.customer_id
                WHERE a.id = :id AND a.deleted_at IS NULL""").param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), nullableLong(rs, 4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                        rs.getLong(10), rs.getBoolean(11)))
                .optional();
    }

    void markDeleted(long id, String by, Instant at) {
        sql.sql("UPDATE attachment SET deleted_at = :at, deleted_by = :by WHERE id = :id AND deleted_at IS NULL")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
    }

    /** The live attachments of these contact logs, oldest first: the timeline's thumbnails in one query. */
    List<AttachmentView> ofLogs(Collection<Long> logIds) {
        if (logIds.isEmpty()) {
            return List.of();
        }
        return sql.sql(VIEW + " WHERE a.contact_log_id IN (:ids) AND a.deleted_at IS NULL ORDER BY a.id")
                .param("ids", logIds).query(AttachmentStore::view).list();
    }

    List<AttachmentView> ofCustomer(long customerId, int limit) {
        return sql.sql(VIEW + " WHERE a.customer_id = :customer AND a.deleted_at IS NULL ORDER BY a.id DESC LIMIT :limit")
                .param("customer", customerId).param("limit", limit).query(AttachmentStore::view).list();
    }

    long countOfCustomer(long customerId) {
        return sql.sql("SELECT COUNT(*) FROM attachment WHERE customer_id = :customer AND deleted_at IS NULL")
                .param("customer", customerId).query(Long.class).single();
    }

    List<AttachmentView> ofComplaint(long complaintId) {
        return sql.sql(VIEW + " WHERE a.complaint_id = :complaint AND a.deleted_at IS NULL ORDER BY a.id")
                .param("complaint", complaintId).query(AttachmentStore::view).list();
    }

    /**
     * Rows whose time is up: deleted by hand, or of a deleted customer, before {@code cutoff}.
     */
    List<Purgeable> purgeable(Instant cutoff, int limit) {
        return sql.sql("""
                SELECT a.id, a.customer_id, a.storage_key, a.thumbnail_key FROM attachment a
                JOIN customer c ON c.id = a.customer_id
                WHERE a.deleted_at < :cutoff OR (c.deleted AND c.deleted_at < :cutoff)
                ORDER BY a.id LIMIT :limit""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query((rs, n) -> new Purgeable(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void delete(long id) {
        sql.sql("DELETE FROM attachment WHERE id = :id").param("id", id).update();
    }

    /** Which of these keys a row names, as its file or its thumbnail. */
    Set<String> known(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> known = new HashSet<>(sql.sql("SELECT storage_key FROM attachment WHERE storage_key IN (:keys)")
                .param("keys", keys).query(String.class).list());
        known.addAll(sql.sql("SELECT thumbnail_key FROM attachment WHERE thumbnail_key IN (:keys)")
                .param("keys", keys).query(String.class).list());
        return known;
    }

    private static AttachmentView view(ResultSet rs, int row) throws SQLException {
        Timestamp taken = rs.getTimestamp(9);
        return new AttachmentView(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), nullableLong(rs, 4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8) != null,
                taken == null ? null : taken.toInstant(), rs.getTimestamp(10).toInstant(), rs.getString(11));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
