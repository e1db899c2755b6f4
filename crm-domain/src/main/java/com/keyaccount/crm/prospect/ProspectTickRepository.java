package com.keyaccount.crm.prospect;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface ProspectTickRepository extends Repository<ProspectTick, ProspectTick.Key> {

    List<ProspectTick> findByIdCustomerId(long customerId);

    Optional<ProspectTick> findById(ProspectTick.Key key);

    ProspectTick save(ProspectTick tick);

    void delete(ProspectTick tick);
}
