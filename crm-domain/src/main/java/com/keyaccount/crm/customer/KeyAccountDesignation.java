package com.keyaccount.crm.customer;

import com.keyaccount.crm.user.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * 高层指定: leadership names a customer a key account whatever its tier, with a reason and who
 * decided; withdrawn, all three are cleared. Part of the customer's row.
 */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PACKAGE)
public class KeyAccountDesignation {

    @Column(name = "designated_key")
    private boolean designated;

    @Column(name = "designated_reason")
    private String reason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "designated_by_id")
    private AppUser by;

    static KeyAccountDesignation of(String reason, AppUser by) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a designation needs a reason");
        }
        KeyAccountDesignation designation = new KeyAccountDesignation();
        designation.designated = true;
        designation.reason = reason.strip();
        designation.by = Objects.requireNonNull(by);
        return designation;
    }
}
