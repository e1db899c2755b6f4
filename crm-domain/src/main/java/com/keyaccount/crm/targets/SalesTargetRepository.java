package com.keyaccount.crm.targets;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SalesTargetRepository extends JpaRepository<SalesTarget, Long> {

    List<SalesTarget> findByPeriodKindAndPeriodStart(TargetPeriod.Kind kind, LocalDate start);
}
