package com.keyaccount.crm.prospect.editor;

import com.keyaccount.crm.prospect.LadderVersion;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of {@code prospect_ladder}: it adds versions and never changes one. The row is
 * persisted, not merged, so that a version number taken meanwhile fails on the primary key
 * instead of being read back as if it were ours.
 */
@Component
class LadderVersionStore {

    private final EntityManager entities;

    LadderVersionStore(EntityManager entities) {
        this.entities = entities;
    }

    /** @throws StaleLadderException when another admin published {@code version} first */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(int basedOn, int version, ProspectLadder ladder, String by, Instant at) {
        try {
            entities.persist(new LadderVersion(version, ladder, at, by));
            entities.flush();
        } catch (PersistenceException taken) {
            throw new StaleLadderException(basedOn, version);
        }
    }
}
