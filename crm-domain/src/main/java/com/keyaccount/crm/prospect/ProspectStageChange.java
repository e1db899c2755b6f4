package com.keyaccount.crm.prospect;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/** One move on the ladder, as history: who, when, from → to, the conditions that held, and why. */
@Entity
@Immutable
@Table(name = "prospect_stage_change")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ProspectStageChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id")
    private long customerId;

    @Column(name = "from_stage")
    private String fromStage;

    @Column(name = "to_stage")
    private String toStage;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by")
    private String changedBy;

    @Column(name = "ladder_version")
    private int ladderVersion;

    /** The keys of the conditions that held, comma-separated. */
    private String conditions;

    private String reason;

    public ProspectStageChange(long customerId, String fromStage, String toStage, Instant changedAt,
            String changedBy, int ladderVersion, Collection<String> conditions, String reason) {
        this.customerId = customerId;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.ladderVersion = ladderVersion;
        this.conditions = conditions.isEmpty() ? null : String.join(",", conditions.stream().sorted().toList());
        this.reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
