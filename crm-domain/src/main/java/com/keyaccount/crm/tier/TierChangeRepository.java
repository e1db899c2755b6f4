package com.keyaccount.crm.tier;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface TierChangeRepository extends Repository<TierChange, Long> {

    List<TierChange> findTop50ByCustomerIdOrderByChangedAtDescIdDesc(long customerId);
}
