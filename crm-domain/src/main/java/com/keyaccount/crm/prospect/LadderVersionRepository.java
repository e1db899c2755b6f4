package com.keyaccount.crm.prospect;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface LadderVersionRepository extends Repository<LadderVersion, Integer> {

    Optional<LadderVersion> findTopByOrderByVersionDesc();

    Optional<LadderVersion> findByVersion(int version);

    List<LadderVersion> findAllByOrderByVersionDesc();

    LadderVersion save(LadderVersion version);
}
