package com.keyaccount.crm.tier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The summary of one recompute: who or what started it, and how many customers moved. Read-only
 * here: the tier engine in crm-scoring records the runs.
 */
@Entity
@Immutable
@Table(name = "recompute_run")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class RecomputeRun {

    public enum Status { RUNNING, DONE, FAILED }

    /** The error of a run whose server stopped mid-run (crash, kill -9), found by another start or instance. */
    public static final String SERVER_STOPPED = "SERVER_STOPPED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "trigger_kind")
    private String triggerKind;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "policy_version")
    private int policyVersion;

    private Integer customers;
    private Integer upgrades;
    private Integer downgrades;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Status status;

    private String error;

    /** Failed because its server stopped, not because of the data: the tiers page says so in words. */
    public boolean stoppedWithServer() {
        return status == Status.FAILED && SERVER_STOPPED.equals(error);
    }
}
