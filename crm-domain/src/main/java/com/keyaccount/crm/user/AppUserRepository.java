package com.keyaccount.crm.user;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsernameIgnoreCase(String username);

    List<AppUser> findByRoleAndEnabledTrueOrderByDisplayName(Role role);

    List<AppUser> findByEnabledTrueOrderByDisplayName();

    List<AppUser> findByUnitId(long unitId);

    /**
     * The enabled users of a role, locked until the transaction ends: two administrators
     * disabling each other at the same moment then cannot leave the system without one.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT u FROM AppUser u WHERE u.role = :role AND u.enabled = TRUE ORDER BY u.id")
    List<AppUser> lockEnabledByRole(Role role);
}
