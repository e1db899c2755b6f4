package com.keyaccount.crm.prospect;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface ProspectStageChangeRepository extends Repository<ProspectStageChange, Long> {

    List<ProspectStageChange> findTop50ByCustomerIdOrderByChangedAtDescIdDesc(long customerId);

    ProspectStageChange save(ProspectStageChange change);
}
