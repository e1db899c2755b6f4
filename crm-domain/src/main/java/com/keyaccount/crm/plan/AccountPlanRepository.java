package com.keyaccount.crm.plan;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountPlanRepository extends JpaRepository<AccountPlan, Long> {

    Optional<AccountPlan> findByCustomerIdAndQuarterStart(long customerId, LocalDate quarterStart);

    /** The plan's state alone: the customer page shows nothing else of it. */
    @Query("SELECT p.status FROM AccountPlan p WHERE p.customer.id = :customerId AND p.quarterStart = :quarterStart")
    Optional<PlanStatus> findStatus(long customerId, LocalDate quarterStart);
}
