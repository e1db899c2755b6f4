package com.keyaccount.crm.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {

    /**
     * The user's open check-in, with its customer (to name it). Written out: derived with an entity
     * graph, Hibernate translated it anew on every visit to My day.
     */
    @Query("SELECT k FROM CheckIn k JOIN FETCH k.customer WHERE k.openUserId = :userId")
    Optional<CheckIn> findByOpenUserId(long userId);

    /** The user's check-ins at a customer on one business day, earliest first. */
    List<CheckIn> findByUserIdAndCustomerIdAndBusinessDayOrderByInAt(long userId, long customerId, LocalDate day);

    /** Open check-ins of days before {@code day}: forgotten check-outs. */
    List<CheckIn> findByEndedIsNullAndBusinessDayBefore(LocalDate day);
}
