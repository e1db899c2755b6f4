package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.RuleSet;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An admin's rule change before it is published: previewed against live data as often as
 * wanted, then published as the next policy version (and deleted) or discarded.
 */
@Entity
@Table(name = "tier_policy_draft")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class TierPolicyDraft {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The version the admin started from: publishing tells them if another one came since. */
    @Column(name = "based_on_version")
    private int basedOnVersion;

    @Convert(converter = RuleSetJson.class)
    private RuleSet rules;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    private String note;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    public static TierPolicyDraft startFrom(int basedOnVersion, RuleSet rules, String by, Instant now) {
        TierPolicyDraft draft = new TierPolicyDraft();
        draft.basedOnVersion = basedOnVersion;
        draft.rules = Objects.requireNonNull(rules);
        draft.createdBy = by;
        draft.createdAt = now;
        draft.updatedBy = by;
        draft.updatedAt = now;
        return draft;
    }

    public void revise(RuleSet rules, LocalDate effectiveFrom, String note, String by, Instant now) {
        this.rules = Objects.requireNonNull(rules);
        this.effectiveFrom = effectiveFrom;
        this.note = note;
        this.updatedBy = by;
        this.updatedAt = now;
    }
}
