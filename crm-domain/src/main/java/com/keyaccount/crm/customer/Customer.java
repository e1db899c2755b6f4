package com.keyaccount.crm.customer;

import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "customer")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;

    /** {@link NameInitials} of the name, kept with it, so the search box finds "njjh" at 100k customers. */
    @Column(name = "name_initials")
    private String nameInitials;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Industry industry;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Region region;

    @Column(name = "annual_sales")
    private BigDecimal annualSales;

    @Column(name = "employee_count")
    private Integer employeeCount;

    private String phone;
    private String fax;
    private String address;

    @Embedded
    @Getter(AccessLevel.NONE)
    private PlaceColumns place;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private AppUser owner;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private CustomerStatus status;

    @Column(name = "lost_reason")
    private String lostReason;

    @Column(name = "long_term_agreement")
    private boolean longTermAgreement;

    @Embedded
    @Getter(AccessLevel.NONE)
    private KeyAccountDesignation designation = new KeyAccountDesignation();

    @Embedded
    @Getter(AccessLevel.NONE)
    private PotentialAssessment assessment = new PotentialAssessment();

    @Column(name = "cooperation_intent")
    private String cooperationIntent;

    private String notes;

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
        apply(profile, now);
    }

    /** Replaces the editable profile; the status rules of {@link #apply} apply. */
    public void updateProfile(CustomerProfile profile, Instant now) {
        requireNotDeleted();
        apply(profile, now);
    }

    private void apply(CustomerProfile profile, Instant now) {
        CustomerProfile p = profile.normalised();
        this.code = p.code();
        this.name = p.name();
        this.nameInitials = NameInitials.of(this.name);
        this.industry = p.industry();
        this.region = p.region();
        this.annualSales = p.annualSales();
        this.employeeCount = p.employeeCount();
        this.phone = p.phone();
        this.fax = p.fax();
        this.address = p.address();
        this.place = new PlaceColumns(p.place());
        this.status = p.status();
        this.lostReason = p.lostReason();
        this.longTermAgreement = p.longTermAgreement();
        this.cooperationIntent = p.cooperationIntent();
        this.notes = p.notes();
        this.updatedAt = now;
    }

    /**
     * A prospect that reached the ladder's won stage (A02) becomes a customer: its tier is computed
     * from then on. Any other status stays as it is.
     */
    public void won(Instant now) {
        requireNotDeleted();
        if (status == CustomerStatus.PROSPECT) {
            status = CustomerStatus.ACTIVE;
            updatedAt = now;
        }
    }

    /**
     * Marks the customer lost with its reason in words (the structured reason is kept beside it
     * by the lost-customer feature).
     */
    public void markLost(String reason, Instant now) {
        requireNotDeleted();
        this.lostReason = LostReason.required(reason);
        this.status = CustomerStatus.LOST;
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

    public CustomerProfile profile() {
        Place where = place();
        return new CustomerProfile(code, name, industry, region, annualSales, employeeCount, phone, fax, address,
                status, lostReason, longTermAgreement, cooperationIntent, notes, where.provinceCode(), where.cityCode());
    }

    /** Province and city on the national list; {@link Place#NONE} when unknown. */
    public Place place() {
        return place == null ? Place.NONE : place.place();
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new IllegalStateException("customer " + id + " is deleted");
        }
    }
}
