package com.keyaccount.crm.org;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.keyaccount.crm.customer.CustomerChanged;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Resolves whose books a viewer sees from the organisation as it is now, and the accounts whose
 * service team they are on: read at each request, so moving a user or a unit, or changing a team,
 * re-scopes at the next click. Directors and admins see everything without a query; province and
 * regional managers read the tree below them.
 */
@Service
@RequiredArgsConstructor
public class Scopes {

    /** The units from the user's own down; its one parameter is the user. */
    private static final String BELOW = """
            below (id) AS (
                SELECT unit_id FROM app_user WHERE id = ? AND unit_id IS NOT NULL
                UNION ALL
                SELECT o.id FROM org_unit o JOIN below b ON o.parent_id = b.id)""";
    private static final String PEOPLE_BELOW = "FROM app_user u JOIN below b ON u.unit_id = b.id";
    private static final String TEAMS = "SELECT customer_id FROM service_member WHERE user_id = ?";

    private final JdbcClient jdbc;
    /**
     * Which of a set of people own customers: a probe per person, kept a few seconds and dropped
     * when a customer is created or changes hands here (on another instance of the application, a
     * person's very first customer reaches their supervisor's lists at most those seconds late; the
     * people themselves are always read fresh).
     */
    private final Cache<Set<Long>, Set<Long>> owning = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofSeconds(10)).build();

    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomerChanged changed) {
        // once committed: a probe before then would keep the book as it was
        owning.invalidateAll();
    }

    private Set<Long> owning(Set<Long> people) {
        // the probe is ordered as the owner index is, so each person is one index lookup (an EXISTS
        // is planned as a scan of the whole book, expecting a third of it per owner)
        return Set.copyOf(jdbc.sql("""
                SELECT u.id FROM app_user u WHERE u.id IN (%s) AND (SELECT c.id FROM customer c
                    WHERE c.owner_id = u.id AND c.deleted = FALSE ORDER BY c.owner_id, c.deleted, c.name LIMIT 1)
                    IS NOT NULL""".formatted(people.stream().map(String::valueOf).collect(Collectors.joining(","))))
                .query(Long.class).list());
    }

    /**
     * The books a supervisor sees: their own and everyone's in their unit and the units below it
     * (no service teams). For anyone else asked, their unit's people too: the caller asks it of
     * province and regional managers.
     */
    public Scope below(long userId) {
        return scopeOf(userId, jdbc.sql("WITH RECURSIVE " + BELOW + " SELECT u.id " + PEOPLE_BELOW)
                .param(userId).query(Long.class).list());
    }

    private Scope scopeOf(long userId, List<Long> people) {
        Set<Long> owners = new HashSet<>(people);
        owners.add(userId);
        return Scope.of(owners, owning.get(Set.copyOf(owners), this::owning));
    }

    public Viewer resolve(Viewer viewer) {
        if (viewer.scope().all()) {
            return viewer;
        }
        if (viewer.role().supervises()) {
            // the people below and the service teams in one statement: a supervisor's every request
            // pays for the tree with no round trip more than an account manager's
            List<Long> people = new ArrayList<>();
            List<Long> teams = new ArrayList<>();
            jdbc.sql("WITH RECURSIVE " + BELOW + " SELECT 'P' AS kind, u.id " + PEOPLE_BELOW
                            + " UNION ALL SELECT 'T', customer_id FROM service_member WHERE user_id = ?")
                    .param(viewer.userId()).param(viewer.userId())
                    .query((rs, n) -> ("P".equals(rs.getString("kind")) ? people : teams).add(rs.getLong(2)))
                    .list();
            return viewer.withScope(scopeOf(viewer.userId(), people).withTeamAccounts(teams));
        }
        // customer service and marketing own no book: they see the accounts of their teams only
        Scope scope = viewer.role().servesTeams() ? Scope.of(List.of()) : viewer.scope();
        List<Long> teams = jdbc.sql(TEAMS).param(viewer.userId()).query(Long.class).list();
        return viewer.withScope(scope.withTeamAccounts(teams));
    }
}
