package com.keyaccount.crm.kept;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.keyaccount.crm.customer.ContactChanged;
import com.keyaccount.crm.customer.ContactRemoved;
import com.keyaccount.crm.customer.CustomerChanged;
import com.keyaccount.crm.customer.CustomersChanged;
import com.keyaccount.crm.shared.FiguresChanged;
import com.keyaccount.crm.tier.TiersChanged;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of {@code data_version}: numbers that a change moving what instances keep in
 * memory raises once it is committed, on whichever instance made it: the figures (the
 * dashboard's overview, the funnel, the churn counts, the service cards) and My day's special
 * days. Each instance keeps a figure under the number it read with it, so every instance's next
 * request after a change reads a new number and computes afresh; the figures still expire after
 * {@code crm.dashboard.cache-seconds} for what raises nothing (sales and contact logs, as before).
 * <p>
 * The figures' number is raised by a tier recompute or a pin ({@link TiersChanged}; publishing
 * tier rules starts a recompute), a customer changed, designated, reassigned, deleted or
 * converted from a prospect ({@link CustomerChanged}), an import that changed customers
 * ({@link CustomersChanged}), a survey answered or losses recorded or caught up
 * ({@link FiguresChanged}). The special days' number by a contact added, edited or removed
 * ({@link ContactChanged}, {@link ContactRemoved}) or a customer changed. Each once per
 * transaction however many customers it changed, and only after its commit: raised earlier,
 * another instance could compute from the old rows under the new number and keep that.
 */
@Component
public class FigureVersion {

    /** What is kept: each has its own number, so a contact edited leaves the dashboards alone. */
    public enum Kept {
        /** The dashboard's overview, trend and service cards, the funnel, the churn counts. */
        FIGURES("figures"),
        /** My day's birthdays and anniversaries of the coming week, read from the contacts. */
        SPECIAL_DAYS("contacts");

        private final String row;

        Kept(String row) {
            this.row = row;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;
    private final TransactionTemplate reading;
    private final Duration keptFor;

    FigureVersion(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${crm.dashboard.cache-seconds:60}") int cacheSeconds) {
        this.jdbc = jdbc;
        this.keptFor = Duration.ofSeconds(cacheSeconds);
        this.separately = new TransactionTemplate(transactions);
        // after a commit the finished transaction's connection is still bound: a write there is lost
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** A key of kept figures, with the number they were computed under. */
    public record Versioned<K>(long version, K key) {
    }

    /**
     * A store for what is kept under these numbers: at most {@code maximumSize} keys, each for
     * {@code crm.dashboard.cache-seconds} at most, for a change that raises nothing.
     */
    public <K, V> Cache<Versioned<K>, V> cache(long maximumSize) {
        return Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(keptFor).build();
    }

    /** {@link #kept(Kept, Cache, Object, Function)} under the figures' number. */
    public <K, V> V kept(Cache<Versioned<K>, V> cache, K key, Function<K, V> compute) {
        return kept(Kept.FIGURES, cache, key, compute);
    }

    /**
     * What {@code cache} keeps for {@code key} under the number of what {@code kept} is now, else
     * computed by {@code compute} in a read-only transaction (the caller's, if it has one). Called
     * outside a transaction, as the dashboard's and the funnel's parts are, a request waiting for
     * another one's computation of the same key holds no connection meanwhile: the number is read on
     * a connection given back at once. Inside one, five directors opening the dashboard as its
     * figures expired held five connections for the seconds one of them computed.
     */
    public <K, V> V kept(Kept kept, Cache<Versioned<K>, V> cache, K key, Function<K, V> compute) {
        return cache.get(of(kept, key), versioned -> reading.execute(status -> compute.apply(versioned.key())));
    }

    /** {@code key} under the figures' number now: one primary-key read. */
    public <K> Versioned<K> of(K key) {
        return of(Kept.FIGURES, key);
    }

    /** {@code key} under the number of what {@code kept} is now: one primary-key read. */
    public <K> Versioned<K> of(Kept kept, K key) {
        return new Versioned<>(jdbc.queryForObject("SELECT version FROM data_version WHERE name = ?", Long.class,
                kept.row), key);
    }

    @EventListener
    void on(TiersChanged event) {
        changed(Kept.FIGURES);
    }

    @EventListener
    void on(CustomerChanged event) {
        // a customer renamed, reassigned or deleted moves the figures and whose special days they are
        changed(Kept.FIGURES);
        changed(Kept.SPECIAL_DAYS);
    }

    @EventListener
    void on(CustomersChanged event) {
        changed(Kept.FIGURES);
        changed(Kept.SPECIAL_DAYS);
    }

    @EventListener
    void on(FiguresChanged event) {
        changed(Kept.FIGURES);
    }

    @EventListener
    void on(ContactChanged event) {
        changed(Kept.SPECIAL_DAYS);
    }

    @EventListener
    void on(ContactRemoved event) {
        changed(Kept.SPECIAL_DAYS);
    }

    /** Raises the number once the caller's transaction commits (at once outside one), once per transaction. */
    void changed(Kept kept) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            raise(kept);
            return;
        }
        // the transaction's mark for this number: the enum constant is the resource key
        if (TransactionSynchronizationManager.hasResource(kept)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(kept, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResource(kept);
                if (status == STATUS_COMMITTED) {
                    raise(kept);
                }
            }
        });
    }

    private void raise(Kept kept) {
        separately.executeWithoutResult(status -> jdbc.update(
                "UPDATE data_version SET version = version + 1 WHERE name = ?", kept.row));
    }
}
