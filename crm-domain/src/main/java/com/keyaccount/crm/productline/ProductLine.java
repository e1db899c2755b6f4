package com.keyaccount.crm.productline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A product line (产品类别) as the ERP codes it: created the first time an import names its code,
 * named by an admin later. Seed 003 asks for customers to be rated per product line.
 */
@Entity
@Table(name = "product_line")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ProductLine {

    public static final int CODE_LENGTH = 40;
    public static final int NAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    /** {@code null} until an admin names it. */
    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    /** What pages show: the admin's name, else the ERP's code. */
    public String displayName() {
        return name == null || name.isBlank() ? code : name;
    }
}
