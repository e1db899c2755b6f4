package com.keyaccount.crm.org;

import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.util.HashSet;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Resolves whose books a viewer sees from the organisation as it is now: read at each request,
 * so moving a user or a unit re-scopes its managers at their next click, with nothing cached to
 * go stale. Only province and regional managers need the tree; the others' scopes follow from
 * their role alone.
 */
@Service
@RequiredArgsConstructor
public class Scopes {

    private final JdbcClient jdbc;

    public Viewer resolve(Viewer viewer) {
        if (!viewer.role().supervises()) {
            return viewer;
        }
        Set<Long> owners = new HashSet<>(jdbc.sql("""
                WITH RECURSIVE below (id) AS (
                    SELECT unit_id FROM app_user WHERE id = ? AND unit_id IS NOT NULL
                    UNION ALL
                    SELECT o.id FROM org_unit o JOIN below b ON o.parent_id = b.id)
                SELECT u.id FROM app_user u JOIN below b ON u.unit_id = b.id""")
                .param(viewer.userId()).query(Long.class).list());
        owners.add(viewer.userId());
        return viewer.withScope(Scope.of(owners));
    }
}
