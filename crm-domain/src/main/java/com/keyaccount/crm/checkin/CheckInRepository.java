package com.keyaccount.crm.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {

    /** The user's open check-in, with its customer (to name it). */
    @EntityGraph(attributePaths = "customer")
    Optional<CheckIn> findByOpenUserId(long userId);

    /** The user's check-ins at a customer on one business day, earliest first. */
    List<CheckIn> findByUserIdAndCustomerIdAndBusinessDayOrderByInAt(long userId, long customerId, LocalDate day);

    /** Open check-ins of days before {@code day}: forgotten check-outs. */
    List<CheckIn> findByEndedIsNullAndBusinessDayBefore(LocalDate day);
}
