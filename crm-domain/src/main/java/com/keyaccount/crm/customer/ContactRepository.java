package com.keyaccount.crm.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactRepository extends JpaRepository<Contact, Long> {

    List<Contact> findByCustomerIdOrderByNameAscIdAsc(long customerId);

    Optional<Contact> findByIdAndCustomerId(long id, long customerId);
}
