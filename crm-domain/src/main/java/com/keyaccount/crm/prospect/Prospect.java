package com.keyaccount.crm.prospect;

import com.keyaccount.crm.prospect.rules.CloseClass;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Where a prospect stands on the ladder, and how soon and how much it is expected to buy. Which
 * moves are allowed is {@code scoring.prospect.StageMovePolicy}'s to say; this row only keeps
 * the result consistent (a refusal reason exactly while refused).
 */
@Entity
@Table(name = "prospect")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Prospect {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    private String stage;

    @Column(name = "stage_since")
    private Instant stageSince;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "close_class")
    private CloseClass closeClass;

    @Column(name = "expected_monthly_value")
    private BigDecimal expectedMonthlyValue;

    @Column(name = "graded_at")
    private Instant gradedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "refusal_reason")
    private RefusalReason refusalReason;

    @Column(name = "refusal_note")
    private String refusalNote;

    @Version
    private long version;

    /** A prospect's first row: it stands at {@code leadStage} since {@code since} (its creation). */
    public Prospect(long customerId, String leadStage, Instant since) {
        this.customerId = customerId;
        this.stage = Objects.requireNonNull(leadStage);
        this.stageSince = Objects.requireNonNull(since);
    }

    /** Moves to a stage that is not the refusal branch. */
    public void moveTo(String stage, Instant at) {
        this.stage = Objects.requireNonNull(stage);
        this.stageSince = at;
        this.refusalReason = null;
        this.refusalNote = null;
    }

    /** Moves to the refusal branch (A31), which always carries why. */
    public void refuse(String refusalStage, RefusalReason reason, String note, Instant at) {
        this.stage = Objects.requireNonNull(refusalStage);
        this.stageSince = at;
        this.refusalReason = Objects.requireNonNull(reason, "a refusal needs its reason");
        this.refusalNote = note == null || note.isBlank() ? null : note.strip();
        if (reason == RefusalReason.OTHER && refusalNote == null) {
            throw new IllegalArgumentException("a refusal for another reason needs a note");
        }
    }

    /** The re-grade after a follow-up: close-time class and expected monthly value (either may be unknown). */
    public void grade(CloseClass closeClass, BigDecimal expectedMonthlyValue, Instant at) {
        if (expectedMonthlyValue != null && expectedMonthlyValue.signum() < 0) {
            throw new IllegalArgumentException("an expected value cannot be negative");
        }
        this.closeClass = closeClass;
        this.expectedMonthlyValue = expectedMonthlyValue == null ? null
                : expectedMonthlyValue.setScale(2, RoundingMode.HALF_UP);
        this.gradedAt = at;
    }
}
