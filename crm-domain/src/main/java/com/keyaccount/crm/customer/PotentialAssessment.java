package com.keyaccount.crm.customer;

import com.keyaccount.crm.user.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The customer's potential (1–9) and adoption, each with who set it and when: a part left as it
 * was keeps its author. Part of the customer's row; either may be unknown (null).
 */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PACKAGE)
public class PotentialAssessment {

    @Column(name = "potential")
    private Integer potential;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "potential_by_id")
    private AppUser potentialBy;

    @Column(name = "potential_at")
    private Instant potentialAt;

    /** The levels of the two factors the potential was scored from; null where it was typed as a score. */
    @Column(name = "potential_row")
    private Integer potentialRow;

    @Column(name = "potential_column")
    private Integer potentialColumn;

    @Column(name = "adoption")
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Adoption adoption;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "adoption_by_id")
    private AppUser adoptionBy;

    @Column(name = "adoption_at")
    private Instant adoptionAt;

    /**
     * This assessment with the given parts, re-dated and re-signed where they changed; the
     * potential scored from the levels {@code row} and {@code column} of its two factors, or typed
     * (both null).
     */
    PotentialAssessment with(Integer newPotential, Integer row, Integer column, Adoption newAdoption, AppUser by,
            Instant now) {
        if (newPotential != null) {
            PotentialBand.of(newPotential);
        }
        if ((row == null) != (column == null) || row != null && newPotential == null) {
            throw new IllegalArgumentException("a potential's two levels go together, with the score they give");
        }
        PotentialAssessment next = new PotentialAssessment();
        next.potential = newPotential;
        next.potentialRow = row;
        next.potentialColumn = column;
        next.adoption = newAdoption;
        boolean potentialMoved = !Objects.equals(potential, newPotential) || !Objects.equals(potentialRow, row)
                || !Objects.equals(potentialColumn, column);
        next.potentialBy = potentialMoved ? (newPotential == null ? null : by) : potentialBy;
        next.potentialAt = potentialMoved ? (newPotential == null ? null : now) : potentialAt;
        boolean adoptionMoved = adoption != newAdoption;
        next.adoptionBy = adoptionMoved ? (newAdoption == null ? null : by) : adoptionBy;
        next.adoptionAt = adoptionMoved ? (newAdoption == null ? null : now) : adoptionAt;
        return next;
    }

    /** The nine-grid's row, or null while the potential is unknown. */
    public PotentialBand band() {
        return potential == null ? null : PotentialBand.of(potential);
    }
}
