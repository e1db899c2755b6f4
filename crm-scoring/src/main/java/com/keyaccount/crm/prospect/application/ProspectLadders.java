package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.prospect.LadderVersion;
import com.keyaccount.crm.prospect.LadderVersionRepository;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prospect ladder in force: the highest published version, or the seed's ladder as version 0
 * while an admin has published none.
 */
@Component
public class ProspectLadders {

    private final LadderVersionRepository versions;

    ProspectLadders(LadderVersionRepository versions) {
        this.versions = versions;
    }

    public record InForce(int version, ProspectLadder ladder) {
    }

    @Transactional(readOnly = true)
    public InForce inForce() {
        return versions.findTopByOrderByVersionDesc()
                .map(v -> new InForce(v.getVersion(), v.getLadder()))
                .orElseGet(() -> new InForce(0, SeedLadder.ladder()));
    }

    /** A published version, or the seed's as version 0. */
    @Transactional(readOnly = true)
    public Optional<ProspectLadder> version(int version) {
        if (version == 0) {
            return Optional.of(SeedLadder.ladder());
        }
        return versions.findByVersion(version).map(LadderVersion::getLadder);
    }
}
