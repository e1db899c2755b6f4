package com.keyaccount.crm.complaint;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

    @EntityGraph(attributePaths = {"customer", "customer.owner", "owner", "contact"})
    Optional<Complaint> findWithCustomerById(long id);

    Optional<Complaint> findBySubmissionToken(String submissionToken);
}
