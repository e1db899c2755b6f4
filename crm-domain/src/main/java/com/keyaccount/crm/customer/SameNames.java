package com.keyaccount.crm.customer;

import com.keyaccount.crm.user.Viewer;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers already in the book under the same company name, however it was spaced or which
 * width its brackets have (南京嘉禾农业科技有限公司 twice is usually one company entered twice).
 * Only a warning: two companies may share a name in different cities, so the user decides.
 */
@Service
@Transactional(readOnly = true)
public class SameNames {

    static final int LISTED = 5;

    /** The stored name made comparable in SQL as {@link #comparable} makes typed text. */
    private static final String STORED = comparableSql("c.name");

    private final JdbcClient jdbc;

    SameNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A customer with the same name, other than {@code except}; {@code visible} says whether the
     * viewer may open it (otherwise only its manager is named, so nothing else leaks).
     */
    public record Twin(long id, String code, String name, String owner, boolean visible) {
    }

    public List<Twin> of(Viewer viewer, String name, Long except) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT c.id, c.code, c.name, c.owner_id, u.display_name FROM customer c
                JOIN app_user u ON u.id = c.owner_id
                WHERE c.deleted = FALSE AND c.id <> :except AND %s = :name
                ORDER BY c.id LIMIT :listed""".formatted(STORED))
                .param("except", except == null ? -1L : except).param("name", comparable(name))
                .param("listed", LISTED)
                .query((rs, n) -> {
                    boolean visible = viewer.canSee(rs.getLong("id"), rs.getLong("owner_id"));
                    return new Twin(rs.getLong("id"), visible ? rs.getString("code") : null,
                            rs.getString("name"), rs.getString("display_name"), visible);
                }).list();
    }

    /**
     * A stored name column made comparable in SQL, so that other questions (an import's new
     * customers) find the same names the form does.
     */
    public static String comparableSql(String column) {
        return "LOWER(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(" + column + ", ' ', ''), '\u3000', ''), "
                + "'\uFF08', '('), '\uFF09', ')'), '\u00A0', ''))";
    }

    /** Full-width letters and digits as half-width, no spaces, lower case. */
    static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0\\u3000]", "")
                .toLowerCase(Locale.ROOT);
    }
}
