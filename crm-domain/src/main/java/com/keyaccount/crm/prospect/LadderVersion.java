package com.keyaccount.crm.prospect;

import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.shared.rules.Violation;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/** One published prospect ladder; the highest version is in force (none: the seed's, as version 0). */
@Entity
@Immutable
@Table(name = "prospect_ladder")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class LadderVersion {

    @Id
    private int version;

    @Convert(converter = LadderJson.class)
    private ProspectLadder ladder;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    public LadderVersion(int version, ProspectLadder ladder, Instant createdAt, String createdBy) {
        Violation.requireNone(ladder.violations());
        this.version = version;
        this.ladder = ladder;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }
}
