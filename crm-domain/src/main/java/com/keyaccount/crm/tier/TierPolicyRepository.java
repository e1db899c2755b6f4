package com.keyaccount.crm.tier;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TierPolicyRepository extends JpaRepository<TierPolicy, Long> {

    /** The policy in force: the newest version. */
    Optional<TierPolicy> findTopByOrderByVersionDesc();

    TierPolicy saveAndFlush(TierPolicy policy);
}
