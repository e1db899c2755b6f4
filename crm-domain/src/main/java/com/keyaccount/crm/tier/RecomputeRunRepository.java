package com.keyaccount.crm.tier;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface RecomputeRunRepository extends Repository<RecomputeRun, Long> {

    /**
     * The latest runs in the order they were started: by id, drawn from the one sequence as each
     * run starts, whichever instance (and clock) started it.
     */
    List<RecomputeRun> findTop10ByOrderByIdDesc();
}
