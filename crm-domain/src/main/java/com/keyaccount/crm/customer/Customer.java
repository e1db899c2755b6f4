package com.keyaccount.crm.customer;

import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

@Entity
@Table(name = "customer")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Customer extends CustomerProfileColumns {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private AppUser owner;

    @Embedded
    @Getter(AccessLevel.NONE)
    private KeyAccountDesignation designation = new KeyAccountDesignation();

    @Embedded
    @Getter(AccessLevel.NONE)
    private PotentialAssessment assessment = new PotentialAssessment();

    /** Where the customer is, for check-ins (issue 23); null until someone sets it. */
    @Embedded
    private SiteLocation location;

    /** The tier in force, the tier engine's, read-only here. */
    @Embedded
    @Getter(AccessLevel.NONE)
    private TierInForce tierInForce;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    private boolean deleted;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    public Customer(CustomerProfile profile, AppUser owner, Instant now) {
        this.owner = Objects.requireNonNull(owner);
        this.createdAt = now;
        this.verifiedAt = now;
        applyProfile(profile);
        this.updatedAt = now;
    }

    /** Replaces the editable profile (its status too). */
    public void updateProfile(CustomerProfile profile, Instant now) {
        requireNotDeleted();
        applyProfile(profile);
        this.updatedAt = now;
    }

    /**
     * A prospect that reached the ladder's won stage (A02) becomes a customer: its tier is computed
     * from then on. Any other status stays as it is.
     */
    public void won(Instant now) {
        requireNotDeleted();
        if (getStatus() == CustomerStatus.PROSPECT) {
            changeStatus(CustomerStatus.ACTIVE, getLostReason());
            updatedAt = now;
        }
    }

    /**
     * Marks the customer lost with its reason in words (the structured reason is kept beside it
     * by the lost-customer feature).
     */
    public void markLost(String reason, Instant now) {
        requireNotDeleted();
        changeStatus(CustomerStatus.LOST, LostReason.required(reason));
        this.updatedAt = now;
    }

    public void reassignTo(AppUser newOwner, Instant now) {
        requireNotDeleted();
        this.owner = Objects.requireNonNull(newOwner);
        this.updatedAt = now;
    }

    /** 高层指定: leadership names this a key account, with a reason and who decided. */
    public void designateAsKeyAccount(String reason, AppUser by, Instant now) {
        this.designation = KeyAccountDesignation.of(reason, by);
        this.updatedAt = now;
    }

    public void withdrawKeyAccountDesignation(Instant now) {
        this.designation = new KeyAccountDesignation();
        this.updatedAt = now;
    }

    /** The tier in force; null until classified (Hibernate leaves the part null when both its columns are). */
    public Tier getTier() {
        return tierInForce == null ? null : tierInForce.getTier();
    }

    /** Hibernate leaves an embedded part whose columns are all empty null; an empty one is returned instead. */
    public KeyAccountDesignation getDesignation() {
        return designation == null ? new KeyAccountDesignation() : designation;
    }

    /**
     * Sets the potential (1–9) and adoption; either may be cleared (null) when no longer known.
     * A potential scored from the levels of its two factors gives them too (both, or neither).
     */
    public void assess(Integer potential, Integer row, Integer column, Adoption adoption, AppUser by, Instant now) {
        requireNotDeleted();
        this.assessment = getAssessment().with(potential, row, column, adoption, Objects.requireNonNull(by), now);
        this.updatedAt = now;
    }

    /** Hibernate leaves an embedded part whose columns are all empty null; an empty one is returned instead. */
    public PotentialAssessment getAssessment() {
        return assessment == null ? new PotentialAssessment() : assessment;
    }

    /** Places the customer's pin (replacing any earlier one) for check-ins to be measured against. */
    public void locateAt(SiteLocation newLocation, Instant now) {
        requireNotDeleted();
        this.location = Objects.requireNonNull(newLocation);
        this.updatedAt = now;
    }

    public void markVerified(Instant now) {
        requireNotDeleted();
        this.verifiedAt = now;
    }

    public boolean needsVerification(Instant now) {
        return ProfileVerification.isDue(verifiedAt, now);
    }

    public void softDelete(Instant now) {
        requireNotDeleted();
        this.deleted = true;
        this.deletedAt = now;
        this.updatedAt = now;
    }

    public boolean isOwnedBy(long userId) {
        return owner.getId() == userId;
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new IllegalStateException("customer " + id + " is deleted");
        }
    }
}
