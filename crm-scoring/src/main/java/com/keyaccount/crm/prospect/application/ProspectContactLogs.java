package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.contactlog.ContactLogService;
import com.keyaccount.crm.contactlog.LogContactCommand;
import com.keyaccount.crm.contactlog.RecordedLog;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.prospect.Prospect;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.PriorityClass;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging a contact with a prospect asks for its re-grade in the same form (seed 003: 每次客户追踪以后
 * 就对客户信息重新定格划分等级): the log and the grade are saved in one transaction, the grade only
 * when it changed, so a re-grade never stands without its log nor a log half-saved.
 */
@Service
public class ProspectContactLogs {

    private final CustomerService customers;
    private final ContactLogService contactLogs;
    private final ProspectService prospects;
    private final ProspectStore store;
    private final ProspectLadders ladders;

    ProspectContactLogs(CustomerService customers, ContactLogService contactLogs, ProspectService prospects,
            ProspectStore store, ProspectLadders ladders) {
        this.customers = customers;
        this.contactLogs = contactLogs;
        this.prospects = prospects;
        this.store = store;
        this.ladders = ladders;
    }

    /**
     * A prospect's grade as the form shows it first.
     *
     * @param version     what the form sends back to save a new grade; null while it has no row
     * @param cadenceDays each close-time class's follow-up cadence in the ladder in force
     */
    public record CurrentGrade(CloseClass closeClass, BigDecimal expectedMonthlyValue, Long version,
            Map<CloseClass, Integer> cadenceDays) {

        /** The days between follow-ups of a prospect of {@code closeClass}. */
        public int cadenceOf(CloseClass closeClass) {
            return cadenceDays.get(closeClass);
        }

        public PriorityClass priorityClass() {
            return PriorityClass.of(closeClass, expectedMonthlyValue);
        }

        /** Whether {@code closeClass} and {@code value} are this grade (amounts compared by value). */
        public boolean sameAs(CloseClass otherClass, BigDecimal value) {
            return closeClass == otherClass && (expectedMonthlyValue == null ? value == null
                    : value != null && expectedMonthlyValue.compareTo(value) == 0);
        }
    }

    /**
     * The grade of a prospect the caller obtained from {@link CustomerService#get}; empty for a
     * customer that is not a prospect (its log form asks for no grade).
     */
    @Transactional(readOnly = true)
    public Optional<CurrentGrade> gradeOf(Customer visible) {
        if (visible.getStatus() != CustomerStatus.PROSPECT) {
            return Optional.empty();
        }
        Map<CloseClass, Integer> cadences = ladders.inForce().ladder().cadenceDays();
        return Optional.of(store.find(visible.getId())
                .map(p -> new CurrentGrade(p.getCloseClass(), p.getExpectedMonthlyValue(), p.getVersion(), cadences))
                .orElseGet(() -> new CurrentGrade(null, null, null, cadences)));
    }

    /**
     * Records the contact and, when it differs from the grade saved, the prospect's new grade, in
     * one transaction. A resubmitted form (same token) records neither again; a customer that is no
     * longer a prospect, or a {@code grade} of null (the quick log), leaves the grade as it is.
     *
     * @throws StaleProspectException when someone re-graded the prospect since the form was
     *                                loaded and the grade typed differs: nothing is written
     */
    @Transactional
    public RecordedLog record(Viewer viewer, long customerId, LogContactCommand log, GradeCommand grade) {
        Optional<RecordedLog> resubmitted = contactLogs.findSubmission(log.submissionToken());
        if (resubmitted.isPresent()) {
            return resubmitted.get();
        }
        // another manager's customer is missing here, before anything is read or written
        Customer customer = customers.get(viewer, customerId);
        if (grade != null && customer.getStatus() == CustomerStatus.PROSPECT) {
            Optional<Prospect> saved = store.find(customerId);
            boolean same = saved.map(p -> new CurrentGrade(p.getCloseClass(), p.getExpectedMonthlyValue(), null,
                    Map.of()).sameAs(grade.closeClass(), grade.expectedMonthlyValue()))
                    .orElse(grade.closeClass() == null && grade.expectedMonthlyValue() == null);
            if (!same) {
                prospects.grade(viewer, customerId, grade);
            }
        }
        return contactLogs.record(viewer, customerId, log);
    }
}
