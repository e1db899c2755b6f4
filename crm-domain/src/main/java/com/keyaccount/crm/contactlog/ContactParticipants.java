package com.keyaccount.crm.contactlog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The colleagues named on joint visits (协访): the one writer of {@code contact_participant}. */
@Component
public class ContactParticipants {

    private final JdbcClient jdbc;

    ContactParticipants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void name(long logId, List<Long> users) {
        users.forEach(user -> jdbc.sql("INSERT INTO contact_participant (contact_log_id, user_id) VALUES (?, ?)")
                .params(logId, user).update());
    }

    /** The names of each log's colleagues, for a page of the timeline: one query. */
    public Map<Long, List<String>> namesOf(Collection<Long> logIds) {
        if (logIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> names = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.contact_log_id, u.display_name FROM contact_participant p JOIN app_user u ON u.id = p.user_id
                WHERE p.contact_log_id IN (%s) ORDER BY p.contact_log_id, u.display_name, u.id""".formatted(
                        logIds.stream().map(String::valueOf).collect(Collectors.joining(","))))
                .query(rs -> {
                    names.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return names;
    }
}
