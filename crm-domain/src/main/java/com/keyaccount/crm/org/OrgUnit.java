package com.keyaccount.crm.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A unit of the sales organisation (company, province, region, team). Its place in the tree is
 * checked by {@link Organisation}, which sees the whole tree; the unit itself guards its name and
 * that it only sits below a unit of a higher level.
 */
@Entity
@Table(name = "org_unit")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class OrgUnit {

    public static final int NAME_MAX = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "parent_id")
    private Long parentId;

    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UnitKind kind;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    OrgUnit(OrgUnit parent, String name, UnitKind kind, Instant now) {
        requireBelow(parent, kind);
        this.parentId = parent.getId();
        this.name = name;
        this.kind = kind;
        this.createdAt = now;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void moveUnder(OrgUnit parent) {
        requireBelow(parent, kind);
        this.parentId = parent.getId();
    }

    public boolean isCompany() {
        return kind == UnitKind.COMPANY;
    }

    private static void requireBelow(OrgUnit parent, UnitKind kind) {
        if (parent == null || !parent.getKind().mayHold(kind)) {
            throw new OrgRefusedException(OrgRefusedException.Reason.LEVEL);
        }
    }
}
