package com.keyaccount.crm.support;

import com.keyaccount.crm.customer.CustomerChanged;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fault for the reliability tests: once armed, the next customer change has the database
 * connection of its own transaction terminated by PostgreSQL ({@code pg_terminate_backend}),
 * after the customer row, its audit rows and its follow-up row were written but before the
 * commit. Disarmed by default, so every other test is unaffected; it lives in the shared
 * full-stack context so that adding it costs no second Spring context.
 */
@TestComponent
public class ConnectionKiller {

    private final JdbcTemplate jdbc;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger killedPid = new AtomicInteger();

    ConnectionKiller(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next {@link CustomerChanged} kills its transaction's connection (PostgreSQL only). */
    public void armOnce() {
        killedPid.set(0);
        armed.set(true);
    }

    public void disarm() {
        armed.set(false);
    }

    /** The backend pid that was terminated, or 0 if the hook has not fired since it was armed. */
    public int killedPid() {
        return killedPid.get();
    }

    // last among the listeners, so the follow-up schedule has already written its row too
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(CustomerChanged event) throws SQLException, InterruptedException {
        if (!armed.compareAndSet(true, false)) {
            return;
        }
        // JdbcTemplate joins the JPA transaction, so this is the connection the request is using
        int pid = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
        String url = TestDatabase.externalUrl().orElseThrow();
        try (Connection admin = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                kill.setInt(1, pid);
                kill.execute();
            }
            awaitGone(admin, pid);
        }
        killedPid.set(pid);
    }

    /** pg_terminate_backend only signals; wait (bounded) until the backend has really exited. */
    private static void awaitGone(Connection admin, int pid) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (PreparedStatement alive = admin.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE pid = ?")) {
            alive.setInt(1, pid);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = alive.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
        }
        throw new IllegalStateException("backend " + pid + " still running 10 s after pg_terminate_backend");
    }
}
