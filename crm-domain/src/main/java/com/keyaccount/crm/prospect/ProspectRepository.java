package com.keyaccount.crm.prospect;

import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface ProspectRepository extends Repository<Prospect, Long> {

    Optional<Prospect> findById(long customerId);

    Prospect save(Prospect prospect);

    /** Writes pending changes now, so SQL run later in the transaction (the schedule) sees them. */
    void flush();
}
