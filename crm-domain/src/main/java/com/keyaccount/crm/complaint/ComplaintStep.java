package com.keyaccount.crm.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One step of a complaint's timeline: what happened, who did it, when, and what they wrote. A fact: never changed. */
@Entity
@Immutable
@Table(name = "complaint_step")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ComplaintStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "complaint_id")
    private Complaint complaint;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private StepKind step;

    private String note;
    private String actor;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    ComplaintStep(Complaint complaint, StepKind step, String note, String actor, Instant occurredAt) {
        this.complaint = complaint;
        this.step = step;
        this.note = note;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }
}
