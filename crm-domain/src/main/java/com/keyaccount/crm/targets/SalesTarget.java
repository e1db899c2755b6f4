package com.keyaccount.crm.targets;

import com.keyaccount.crm.user.AppUser;
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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One person's targets for a year or a quarter; a blank figure is no target. */
@Entity
@Table(name = "sales_target")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SalesTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private AppUser user;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "period_kind")
    private TargetPeriod.Kind periodKind;

    @Column(name = "period_start")
    private LocalDate periodStart;

    private BigDecimal revenue;

    private Integer orders;

    @Column(name = "new_key_accounts")
    private Integer newKeyAccounts;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    SalesTarget(AppUser user, TargetPeriod period, Targets targets, String by, Instant at) {
        this.user = user;
        this.periodKind = period.kind();
        this.periodStart = period.first();
        set(targets, by, at);
    }

    void set(Targets targets, String by, Instant at) {
        this.revenue = targets.revenue();
        this.orders = targets.orders();
        this.newKeyAccounts = targets.newKeyAccounts();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Targets targets() {
        return new Targets(revenue, orders, newKeyAccounts);
    }
}
