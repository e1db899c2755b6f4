package com.keyaccount.crm.user;

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
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "app_user")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Role role;

    private String region;

    /** Where the user sits in the organisation; {@code null} until an administrator places them. */
    @Column(name = "unit_id")
    private Long unitId;

    private boolean enabled;

    /** Set for a new user and after a reset: every page leads to the password form until they choose one. */
    @Column(name = "password_change_required")
    private boolean passwordChangeRequired;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    public AppUser(String username, String passwordHash, String displayName, Role role, String region) {
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.displayName = Objects.requireNonNull(displayName);
        this.role = Objects.requireNonNull(role);
        this.region = region;
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    /**
     * A user an administrator signs up: the password they were given is temporary, so they
     * must choose their own at first sign-in.
     */
    public static AppUser invited(String username, String temporaryPasswordHash, String displayName, Role role,
            String region) {
        AppUser user = new AppUser(username, temporaryPasswordHash, requireText(displayName), role, region);
        user.passwordChangeRequired = true;
        return user;
    }

    public boolean isEnabledAdmin() {
        return enabled && role == Role.ADMIN;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public void changeRole(Role newRole) {
        this.role = Objects.requireNonNull(newRole);
    }

    public void changeDisplayName(String newDisplayName) {
        this.displayName = requireText(newDisplayName);
    }

    /** {@code null} for a user without a region (directors, admins). */
    public void moveToRegion(String newRegion) {
        this.region = newRegion == null || newRegion.isBlank() ? null : newRegion.strip();
    }

    /** Places the user in a unit of the organisation, or nowhere ({@code null}). */
    public void placeIn(Long newUnitId) {
        this.unitId = newUnitId;
    }

    /** An administrator set a temporary password: the old one stops working and a new one must be chosen. */
    public void resetPassword(String temporaryPasswordHash) {
        this.passwordHash = Objects.requireNonNull(temporaryPasswordHash);
        this.passwordChangeRequired = true;
    }

    /** The user chose their own password. */
    public void changePassword(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash);
        this.passwordChangeRequired = false;
    }

    private static String requireText(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("blank");
        }
        return value.strip();
    }

    public Viewer asViewer() {
        return new Viewer(id, username, role);
    }
}
