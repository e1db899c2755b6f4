package com.keyaccount.crm.org;

import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Resolves whose books a viewer sees from the organisation as it is now, and the accounts whose
 * service team they are on: read at each request, so moving a user or a unit, or changing a team,
 * re-scopes at the next click with nothing cached to go stale. Directors and admins see everything
 * without a query; province and regional managers read the tree below them.
 */
@Service
@RequiredArgsConstructor
public class Scopes {

    private final JdbcClient jdbc;

    public Viewer resolve(Viewer viewer) {
        if (viewer.scope().all()) {
            return viewer;
        }
        Scope scope = viewer.scope();
        if (viewer.role().supervises()) {
            // the people below, and which of them own customers: the queries on customers need only those
            Set<Long> owners = new HashSet<>(List.of(viewer.userId()));
            Set<Long> books = new HashSet<>();
            jdbc.sql("""
                    WITH RECURSIVE below (id) AS (
                        SELECT unit_id FROM app_user WHERE id = ? AND unit_id IS NOT NULL
                        UNION ALL
                        SELECT o.id FROM org_unit o JOIN below b ON o.parent_id = b.id)
                    SELECT u.id, CASE WHEN EXISTS (SELECT 1 FROM customer c WHERE c.owner_id = u.id AND c.deleted = FALSE)
                                      THEN 1 ELSE 0 END AS owns
                    FROM app_user u JOIN below b ON u.unit_id = b.id
                    UNION ALL
                    SELECT ?, CASE WHEN EXISTS (SELECT 1 FROM customer c WHERE c.owner_id = ? AND c.deleted = FALSE)
                                   THEN 1 ELSE 0 END""")
                    .params(viewer.userId(), viewer.userId(), viewer.userId()).query(rs -> {
                        owners.add(rs.getLong(1));
                        if (rs.getInt(2) == 1) {
                            books.add(rs.getLong(1));
                        }
                    });
            scope = Scope.of(owners, books);
        } else if (viewer.role().servesTeams()) {
            // customer service and marketing own no book: they see the accounts of their teams only
            scope = Scope.of(List.of());
        }
        List<Long> teams = jdbc.sql("SELECT customer_id FROM service_member WHERE user_id = ?")
                .param(viewer.userId()).query(Long.class).list();
        return viewer.withScope(scope.withTeamAccounts(teams));
    }
}
