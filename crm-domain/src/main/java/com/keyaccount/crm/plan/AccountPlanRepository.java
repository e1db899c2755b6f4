package com.keyaccount.crm.plan;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountPlanRepository extends JpaRepository<AccountPlan, Long> {

    Optional<AccountPlan> findByCustomerIdAndQuarterStart(long customerId, LocalDate quarterStart);
}
