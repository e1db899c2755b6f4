package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.complaint.Complaint;
import com.keyaccount.crm.complaint.ComplaintRefusedException;
import com.keyaccount.crm.complaint.ComplaintRepository;
import com.keyaccount.crm.complaint.StaleComplaintException;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handing an open complaint to another account manager (the customer's owner is away, or a
 * colleague knows the product): whoever may see the complaint may hand it on. The new owner
 * finds it on their My day; the timeline and the audit log say who handed it to whom.
 */
@Service
public class ComplaintAssignments {

    private final Complaints complaints;
    private final ComplaintRepository rows;
    private final AppUserRepository users;
    private final AuditTrail audit;
    private final Clock clock;

    ComplaintAssignments(Complaints complaints, ComplaintRepository rows, AppUserRepository users, AuditTrail audit,
            Clock clock) {
        this.complaints = complaints;
        this.rows = rows;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws ComplaintRefusedException for someone who is not an enabled account manager, the
     *         present owner, or a complaint already resolved
     * @throws StaleComplaintException when the complaint changed since the page showed it
     */
    @Transactional
    public void assign(Viewer viewer, long id, long seenVersion, long ownerId) {
        Complaint complaint = complaints.visible(viewer, id);
        if (complaint.getVersion() != seenVersion) {
            throw new StaleComplaintException(id);
        }
        AppUser to = users.findById(ownerId).filter(u -> u.isEnabled() && u.getRole() == Role.ACCOUNT_MANAGER)
                .orElseThrow(() -> new ComplaintRefusedException("ownerId", "notAManager"));
        String before = complaint.getOwner().getDisplayName();
        complaint.assignTo(to, viewer.username(), clock.instant());
        rows.flush();
        audit.fieldChanged(viewer.username(), Complaints.ENTITY, id, complaint.getCustomer().getId(),
                "complaintOwner", before, to.getDisplayName());
    }
}
