package com.keyaccount.crm.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where one kind of policy keeps its drafts. Called inside the transactions of {@link PolicyDrafts}. */
public interface DraftStore<C> {

    /** Whether the kind allows one open draft at a time (its table then refuses a second one). */
    default boolean oneAtATime() {
        return false;
    }

    /** The last saved first. */
    List<Draft<C>> all();

    Optional<Draft<C>> find(long id);

    /** @return the new draft's id */
    long insert(int basedOn, int copiedFrom, C content, String by, Instant at);

    /**
     * Replaces the content and note and raises the version, if the draft is still at
     * {@code seenVersion}.
     *
     * @return false when it is not (saved by someone else, published or discarded)
     */
    boolean update(long id, long seenVersion, C content, String note, String by, Instant at);

    void delete(long id);
}
