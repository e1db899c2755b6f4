package com.keyaccount.crm.tier;

import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface TierPolicyRepository extends Repository<TierPolicy, Long> {

    /** The policy in force: the newest version. */
    Optional<TierPolicy> findTopByOrderByVersionDesc();
}
