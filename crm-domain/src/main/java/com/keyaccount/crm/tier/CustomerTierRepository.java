package com.keyaccount.crm.tier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface CustomerTierRepository extends Repository<CustomerTier, Long> {

    Optional<CustomerTier> findById(long customerId);

    List<CustomerTier> findByCustomerIdIn(Collection<Long> customerIds);
}
