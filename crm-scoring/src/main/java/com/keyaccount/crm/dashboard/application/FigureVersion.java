package com.keyaccount.crm.dashboard.application;

import com.keyaccount.crm.customer.CustomerChanged;
import com.keyaccount.crm.shared.FiguresChanged;
import com.keyaccount.crm.tier.TiersChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of {@code data_version}: a number that a change moving the kept figures (the
 * dashboard's overview, the funnel, the churn counts, the service cards) raises once it is committed, on whichever
 * instance made it. Each instance keeps a figure under the number it read with it, so every
 * instance's next request after a change reads a new number and computes afresh; the figures
 * still expire after {@code crm.dashboard.cache-seconds} for what raises nothing (sales and
 * contact logs, as before).
 * <p>
 * Raised by: a tier recompute or a pin ({@link TiersChanged}; publishing tier rules starts a
 * recompute), a customer changed, designated, reassigned, deleted or converted from a prospect
 * ({@link CustomerChanged}), a survey answered or a loss recorded, interviewed or won back
 * ({@link FiguresChanged}). Once per transaction however many customers it changed, and only
 * after its commit: raised earlier, another instance could compute from the old rows under the
 * new number and keep that.
 */
@Component
public class FigureVersion {

    private static final String NAME = "figures";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;

    FigureVersion(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        // after a commit the finished transaction's connection is still bound: a write there is lost
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A key of kept figures, with the number they were computed under. */
    public record Versioned<K>(long version, K key) {
    }

    /** {@code key} under the number now: one primary-key read. */
    public <K> Versioned<K> of(K key) {
        return new Versioned<>(jdbc.queryForObject("SELECT version FROM data_version WHERE name = ?", Long.class,
                NAME), key);
    }

    @EventListener
    void on(TiersChanged event) {
        changed();
    }

    @EventListener
    void on(CustomerChanged event) {
        changed();
    }

    @EventListener
    void on(FiguresChanged event) {
        changed();
    }

    /** Raises the number once the caller's transaction commits (at once outside one), once per transaction. */
    void changed() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            raise();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResource(FigureVersion.this);
                if (status == STATUS_COMMITTED) {
                    raise();
                }
            }
        });
    }

    private void raise() {
        separately.executeWithoutResult(status -> jdbc.update(
                "UPDATE data_version SET version = version + 1 WHERE name = ?", NAME));
    }
}
