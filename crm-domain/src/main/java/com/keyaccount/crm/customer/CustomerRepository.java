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
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long>, JpaSpecificationExecutor<Customer> {

    /**
     * Written out rather than derived with an entity graph: Hibernate keeps no translation of a
     * query with a graph, and this one runs on most pages (customer, log form, every save), where
     * translating it again each time was a fifth of their work (issue 20).
     */
    @Query("""
            SELECT c FROM Customer c JOIN FETCH c.owner LEFT JOIN FETCH c.designation.by
            LEFT JOIN FETCH c.assessment.potentialBy LEFT JOIN FETCH c.assessment.adoptionBy
            WHERE c.id = :id AND c.deleted = FALSE""")
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
