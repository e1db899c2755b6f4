package com.keyaccount.crm.prospect.editor;

import com.keyaccount.crm.prospect.rules.ProspectLadder;
import java.time.Instant;

/**
 * One version of the ladder as the editor lists it. Version 0 is the seed's ladder, the default
 * until an admin publishes one; it has no publisher and no date.
 */
public record PublishedLadder(int version, ProspectLadder ladder, String createdBy, Instant createdAt) {

    public boolean seed() {
        return version == 0;
    }
}
