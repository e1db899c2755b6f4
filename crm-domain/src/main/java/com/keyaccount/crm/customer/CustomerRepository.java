package com.keyaccount.crm.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CustomerRepository extends JpaRepository<Customer, Long>, JpaSpecificationExecutor<Customer> {

    @EntityGraph(attributePaths = {"owner", "designation.by"})
    Optional<Customer> findByIdAndDeletedFalse(long id);

    @Override
    @EntityGraph(attributePaths = "owner")
    Page<Customer> findAll(Specification<Customer> spec, Pageable pageable);

    /** The customers of a list page, in any order, with their owners. */
    @EntityGraph(attributePaths = "owner")
    List<Customer> findByIdIn(Collection<Long> ids);

    boolean existsByCode(String code);

    boolean existsByCodeAndIdNot(String code, long id);
}
