package com.keyaccount.crm.tier;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface RecomputeRunRepository extends Repository<RecomputeRun, Long> {

    List<RecomputeRun> findTop10ByOrderByStartedAtDescIdDesc();
}
