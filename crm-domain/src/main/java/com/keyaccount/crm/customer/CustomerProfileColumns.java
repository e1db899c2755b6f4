package com.keyaccount.crm.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import lombok.AccessLevel;
import lombok.Getter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The customer's editable profile, as its columns: what {@link CustomerProfile} carries, replaced
 * as a whole by an edit or an import and read back as one. {@link Customer} adds who owns it, what
 * others established about it and its lifecycle; the two are one row and one entity.
 */
@MappedSuperclass
@Getter
public abstract class CustomerProfileColumns {

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

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private CustomerStatus status;

    @Column(name = "lost_reason")
    private String lostReason;

    @Column(name = "long_term_agreement")
    private boolean longTermAgreement;

    @Column(name = "cooperation_intent")
    private String cooperationIntent;

    private String notes;

    /** Takes the whole editable profile, normalised (its place drawn from the address when not given). */
    void applyProfile(CustomerProfile profile) {
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
    }

    /** A status change outside the profile form (won, lost), with the reason a lost customer needs. */
    void changeStatus(CustomerStatus newStatus, String newLostReason) {
        this.status = newStatus;
        this.lostReason = newLostReason;
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
}
