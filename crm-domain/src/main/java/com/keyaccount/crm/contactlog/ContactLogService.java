package com.keyaccount.crm.contactlog;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.serviceteam.ServiceTeam;
import com.keyaccount.crm.serviceteam.ServiceTeams;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ContactLogService {

    private final CustomerService customers;
    private final ContactLogRepository logs;
    private final AppUserRepository users;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final ServiceTeams teams;
    private final ContactParticipants participants;

    /** Newest first, for a customer the caller obtained from {@link CustomerService#get}. */
    public Page<ContactLog> timelineOf(Customer visible, Pageable pageable) {
        return logs.findByCustomerIdOrderByOccurredAtDescIdDesc(visible.getId(), pageable);
    }

    /**
     * Records the contact unless a log with the same submission token exists, in which case
     * that log is the answer. A concurrent duplicate that slips past the check is stopped by the
     * unique constraint; the caller then asks {@link #findSubmission} for the same answer.
     */
    @Transactional
    public RecordedLog record(Viewer viewer, long customerId, LogContactCommand cmd) {
        Customer customer = customers.get(viewer, customerId);
        var existing = logs.findBySubmissionToken(cmd.submissionToken());
        if (existing.isPresent()) {
            return RecordedLog.duplicateOf(existing.get(), customerId);
        }
        List<String> joined = joinedBy(viewer, customer, cmd.participants());
        ContactLog log = logs.saveAndFlush(
                new ContactLog(customer, users.getReferenceById(viewer.userId()), cmd, clock.instant()));
        audit.created(viewer.username(), "ContactLog", log.getId(), customerId, "channel", log.getChannel());
        if (!joined.isEmpty()) {
            participants.name(log.getId(), cmd.participants());
            audit.created(viewer.username(), "ContactLog", log.getId(), customerId, "participants",
                    String.join(", ", joined));
        }
        events.publishEvent(new ContactLogged(customerId, log.getId(), viewer.username()));
        return new RecordedLog(log.getId(), customerId, false);
    }

    /** The names of the colleagues named, each checked to be one the viewer may name; refused before anything is written. */
    private List<String> joinedBy(Viewer viewer, Customer customer, List<Long> named) {
        if (named.isEmpty()) {
            return List.of();
        }
        Map<Long, String> colleagues = teams.colleagues(viewer, customer).stream()
                .collect(Collectors.toMap(ServiceTeam.Person::id, ServiceTeam.Person::displayName));
        return named.stream().map(id -> {
            String name = colleagues.get(id);
            if (name == null) {
                throw new JointVisitRefusedException(id);
            }
            return name;
        }).toList();
    }

    /** The log written for a submission token, if any, with the customer it belongs to. */
    public Optional<RecordedLog> findSubmission(String submissionToken) {
        return logs.findBySubmissionToken(submissionToken)
                .map(log -> RecordedLog.duplicateOf(log, log.getCustomer().getId()));
    }
}
