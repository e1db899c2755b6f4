package com.keyaccount.crm.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    List<OrgUnit> findAllByOrderByName();

    Optional<OrgUnit> findByParentIdIsNull();

    boolean existsByParentIdAndNameIgnoreCase(Long parentId, String name);

    boolean existsByParentId(Long parentId);
}
