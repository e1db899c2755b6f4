package com.keyaccount.crm.policy;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How admins change a policy, whatever its kind (tier rules with churn thresholds, visit
 * quotas, the holiday calendar): open a draft from a published version (an old one restores
 * it), save it as often as wanted, preview it, publish it as the next version, or discard it.
 * Published versions are never edited, only succeeded.
 *
 * <p>A kind plugs in where its drafts are kept ({@link DraftStore}) and what publishing writes
 * ({@link PolicyVersions}); everything else is here, once: only admins write; a save or publish
 * over someone else's save is refused ({@link StaleDraftException}); content with violations is
 * never stored; a preview runs read-only; a publication is audited old → new and closes the
 * draft in one transaction, and only after it committed do tiers or due dates catch up, so that
 * they read the new version. Each method is its own transaction: call it from outside one.
 */
public final class PolicyDrafts<C> {

    /** A partial edit that lost a race is applied again to the newer content, this often at most. */
    private static final int EDIT_ATTEMPTS = 3;

    private final String action;
    private final DraftStore<C> store;
    private final PolicyVersions<C> versions;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    PolicyDrafts(String action, DraftStore<C> store, PolicyVersions<C> versions, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.action = action;
        this.store = store;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    public List<Draft<C>> all() {
        return reading.execute(status -> store.all());
    }

    public Optional<Draft<C>> find(long id) {
        return reading.execute(status -> store.find(id));
    }

    /**
     * Opens a draft with the content of {@code fromVersion} (null: the version in force).
     *
     * @throws DraftAlreadyOpenException when the kind allows one draft at a time and one is open
     */
    public long open(Viewer viewer, Integer fromVersion) {
        requireAdmin(viewer);
        return writing.execute(status -> {
            if (store.oneAtATime()) {
                store.all().stream().findFirst().ifPresent(open -> {
                    throw new DraftAlreadyOpenException(open.id());
                });
            }
            int inForce = versions.inForce();
            int from = fromVersion == null ? inForce : fromVersion;
            return store.insert(inForce, from, versions.content(from), viewer.username(), clock.instant());
        });
    }

    /**
     * Replaces the draft's content.
     *
     * @param seenVersion the draft version the admin edited; null for a form that does not say
     * @throws StaleDraftException when someone saved, published or discarded it since
     * @throws IllegalArgumentException when the content has violations (the form should have said)
     */
    public void save(Viewer viewer, long id, Long seenVersion, C content, String note) {
        requireAdmin(viewer);
        writing.executeWithoutResult(status -> replace(viewer, current(id, seenVersion), content, note));
    }

    /**
     * Changes part of the draft (say, one day of a calendar). Parts are independent, so an edit
     * that raced another is applied again to the content that one saved rather than refused.
     */
    public void edit(Viewer viewer, long id, UnaryOperator<C> change) {
        requireAdmin(viewer);
        for (int attempt = 1; ; attempt++) {
            try {
                writing.executeWithoutResult(status -> {
                    Draft<C> draft = current(id, null);
                    replace(viewer, draft, change.apply(draft.content()), draft.note());
                });
                return;
            } catch (StaleDraftException e) {
                if (attempt == EDIT_ATTEMPTS || find(id).isEmpty()) {
                    throw e;
                }
            }
        }
    }

    /** Runs a preview of a draft in a read-only transaction, so that it cannot write even by mistake. */
    public <P> P preview(Supplier<P> compute) {
        return reading.execute(status -> compute.get());
    }

    /**
     * Publishes the draft as the next version, audited, and closes it; then lets what is
     * computed from the policy catch up.
     *
     * @param seenVersion the draft version the admin previewed; null for a form that does not say
     * @throws StaleDraftException when the draft changed since, or is gone
     * @throws org.springframework.dao.DataIntegrityViolationException when the kind's next number was
     *         taken meanwhile; nothing is written and the draft is kept
     */
    public Published publish(Viewer viewer, long id, Long seenVersion) {
        requireAdmin(viewer);
        Published published = writing.execute(status -> {
            Draft<C> draft = current(id, seenVersion);
            Violation.requireNone(versions.violations(draft.content()));
            Published written = versions.publish(draft, viewer.username(), clock.instant());
            written.changes().forEach(change -> audit(viewer.username(), change));
            store.delete(id);
            return written;
        });
        return published.followedBy(versions.catchUp(published, viewer.username()));
    }

    public void discard(Viewer viewer, long id) {
        requireAdmin(viewer);
        writing.executeWithoutResult(status -> store.delete(id));
    }

    private Draft<C> current(long id, Long seenVersion) {
        Draft<C> draft = store.find(id).orElseThrow(() -> new StaleDraftException(id));
        if (seenVersion != null && draft.version() != seenVersion) {
            throw new StaleDraftException(id);
        }
        return draft;
    }

    private void replace(Viewer viewer, Draft<C> draft, C content, String note) {
        Violation.requireNone(versions.violations(content));
        if (!store.update(draft.id(), draft.version(), content, note, viewer.username(), clock.instant())) {
            throw new StaleDraftException(draft.id());
        }
    }

    private void audit(String by, AuditedChange change) {
        if (change.field() == null) {
            audit.created(by, change.entityType(), change.entityId(), null);
        } else {
            audit.fieldChanged(by, change.entityType(), change.entityId(), null, change.field(), change.before(),
                    change.after());
        }
    }

    private void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException(action);
        }
    }
}
