package com.keyaccount.crm.tier;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TierPolicyRepository extends JpaRepository<TierPolicy, Long> {

    /** The newest version, whether or not it has taken effect yet. */
    Optional<TierPolicy> findTopByOrderByVersionDesc();

    Optional<TierPolicy> findByVersion(int version);

    List<TierPolicy> findAllByOrderByVersionDesc();

    @Query("select p from TierPolicy p where p.effectiveFrom is null or p.effectiveFrom <= :day order by p.version desc")
    List<TierPolicy> findInForceOn(LocalDate day, Limit limit);

    /** The policy in force on a day: the newest version that has taken effect by then. */
    default Optional<TierPolicy> inForceOn(LocalDate day) {
        return findInForceOn(day, Limit.of(1)).stream().findFirst();
    }

    TierPolicy saveAndFlush(TierPolicy policy);
}
