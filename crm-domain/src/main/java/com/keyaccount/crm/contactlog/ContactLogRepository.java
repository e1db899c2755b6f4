package com.keyaccount.crm.contactlog;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactLogRepository extends JpaRepository<ContactLog, Long> {

    /** Newest first; the id breaks ties between logs of the same minute. */
    @EntityGraph(attributePaths = "author")
    Page<ContactLog> findByCustomerIdOrderByOccurredAtDescIdDesc(long customerId, Pageable pageable);

    Optional<ContactLog> findBySubmissionToken(String submissionToken);
}
