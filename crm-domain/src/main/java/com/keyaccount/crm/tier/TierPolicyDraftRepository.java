package com.keyaccount.crm.tier;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TierPolicyDraftRepository extends JpaRepository<TierPolicyDraft, Long> {

    List<TierPolicyDraft> findAllByOrderByUpdatedAtDesc();
}
