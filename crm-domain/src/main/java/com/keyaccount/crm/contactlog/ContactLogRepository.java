package com.keyaccount.crm.contactlog;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ContactLogRepository extends JpaRepository<ContactLog, Long> {

    /**
     * Newest first; the id breaks ties between logs of the same minute. Written out with its
     * author fetched rather than derived with an entity graph, which Hibernate translates anew on
     * every call (the customer's page asks for it on every visit).
     */
    @Query(value = """
            SELECT l FROM ContactLog l JOIN FETCH l.author WHERE l.customer.id = :customerId
            ORDER BY l.occurredAt DESC, l.id DESC""",
            countQuery = "SELECT COUNT(l) FROM ContactLog l WHERE l.customer.id = :customerId")
    Page<ContactLog> findByCustomerIdOrderByOccurredAtDescIdDesc(long customerId, Pageable pageable);

    Optional<ContactLog> findBySubmissionToken(String submissionToken);
}
