package com.keyaccount.crm.prospect.editor;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.prospect.LadderVersionRepository;
import com.keyaccount.crm.prospect.application.ProspectLadders;
import com.keyaccount.crm.prospect.application.ProspectLadders.InForce;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.shared.RecordNotFoundException;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import com.keyaccount.crm.prospect.ProspectLadderPublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prospect ladder editor's use cases. An admin publishes the ladder as typed, naming the
 * version it was edited from; it becomes the next version, in force at once. Published versions
 * never change: restoring an old one publishes its content again. A publication is refused when
 * another was published since (never overwritten), when the ladder has violations, or when a
 * stage that prospects stand on would go; it is audited (who, which version, what changed) in
 * the same transaction.
 */
@Service
public class LadderPublishing {

    /** The audit log's record type of a ladder version; its id is the version number. */
    public static final String AUDITED_AS = "ProspectLadder";

    private final ProspectLadders ladders;
    private final LadderVersionRepository versions;
    private final LadderVersionStore store;
    private final StagesInUse inUse;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LadderPublishing(ProspectLadders ladders, LadderVersionRepository versions, LadderVersionStore store,
            StagesInUse inUse, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.ladders = ladders;
        this.versions = versions;
        this.store = store;
        this.inUse = inUse;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public InForce inForce() {
        return ladders.inForce();
    }

    /** Every version, the newest first, ending with the seed's as version 0. */
    @Transactional(readOnly = true)
    public List<PublishedLadder> versions() {
        List<PublishedLadder> all = new ArrayList<>(versions.findAllByOrderByVersionDesc().stream()
                .map(v -> new PublishedLadder(v.getVersion(), v.getLadder(), v.getCreatedBy(), v.getCreatedAt()))
                .toList());
        all.add(new PublishedLadder(0, SeedLadder.ladder(), null, null));
        return all;
    }

    /** @throws RecordNotFoundException for a version never published */
    @Transactional(readOnly = true)
    public PublishedLadder version(int version) {
        if (version == 0) {
            return new PublishedLadder(0, SeedLadder.ladder(), null, null);
        }
        return versions.findByVersion(version)
                .map(v -> new PublishedLadder(v.getVersion(), v.getLadder(), v.getCreatedBy(), v.getCreatedAt()))
                .orElseThrow(() -> new RecordNotFoundException("prospect ladder v" + version));
    }

    /**
     * What stops {@code typed} from being published now, for the form to say beside each field:
     * the ladder's own violations and the stages in use it would remove. New conditions (without
     * a key) are given one first, so a missing key is never the admin's problem.
     */
    @Transactional(readOnly = true)
    public List<Violation> violations(ProspectLadder typed) {
        ProspectLadder now = ladders.inForce().ladder();
        return violations(now, ConditionKeys.assign(typed, now));
    }

    /** How many prospects stand on the stage {@code code} of the ladder in force. */
    @Transactional(readOnly = true)
    public long prospectsOn(String code) {
        ProspectLadder now = ladders.inForce().ladder();
        return inUse.count(code, now.lead().code().equals(code));
    }

    /**
     * Publishes {@code typed} as the next version.
     *
     * @param basedOn the version the admin edited
     * @return the new version's number
     * @throws StaleLadderException    when {@code basedOn} is no longer the version in force
     * @throws LadderRefusedException  when the ladder has violations or would remove a stage in use
     */
    @Transactional
    public int publish(Viewer viewer, ProspectLadder typed, int basedOn) {
        requireAdmin(viewer);
        return write(viewer, typed, basedOn, null);
    }

    /**
     * Publishes the content of an older version (0: the seed's) as the next version.
     *
     * @throws RecordNotFoundException for a version never published
     * @see #publish(Viewer, ProspectLadder, int)
     */
    @Transactional
    public int restore(Viewer viewer, int version, int basedOn) {
        requireAdmin(viewer);
        return write(viewer, version(version).ladder(), basedOn, version);
    }

    private int write(Viewer viewer, ProspectLadder typed, int basedOn, Integer restoredFrom) {
        InForce now = ladders.inForce();
        if (now.version() != basedOn) {
            throw new StaleLadderException(basedOn, now.version());
        }
        ProspectLadder ladder = ConditionKeys.assign(typed, now.ladder());
        List<Violation> found = violations(now.ladder(), ladder);
        if (!found.isEmpty()) {
            throw new LadderRefusedException(found);
        }
        int next = now.version() + 1;
        store.add(basedOn, next, ladder, viewer.username(), clock.instant());
        audit.created(viewer.username(), AUDITED_AS, next, null);
        // the close-time classes may have new cadences: the schedule reschedules graded prospects
        events.publishEvent(new ProspectLadderPublished(next));
        if (restoredFrom != null) {
            audit.fieldChanged(viewer.username(), AUDITED_AS, next, null, "restoredFrom", null, restoredFrom);
        }
        for (LadderAuditText.Change change : LadderAuditText.changes(now.ladder(), ladder)) {
            audit.fieldChanged(viewer.username(), AUDITED_AS, next, null, change.field(), change.before(),
                    change.after());
        }
        return next;
    }

    private List<Violation> violations(ProspectLadder now, ProspectLadder next) {
        List<Violation> found = new ArrayList<>(next.violations());
        found.addAll(inUse.stranded(now, next));
        return found;
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("change the prospect ladder");
        }
    }
}
