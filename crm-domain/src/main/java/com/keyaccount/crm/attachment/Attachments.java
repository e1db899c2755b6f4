package com.keyaccount.crm.attachment;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.complaint.ComplaintRepository;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments as the pages show them, and each download and deletion behind the same ownership
 * check as the customer's own pages: another manager's file answers exactly like a missing one.
 */
@Service
@Transactional(readOnly = true)
public class Attachments {

    /** How long a link to the object store works: enough to start the download, too short to share. */
    static final Duration LINK_LIFETIME = Duration.ofMinutes(5);
    /** The customer page lists this many of its newest files. */
    public static final int CUSTOMER_PAGE_FILES = 60;

    private final AttachmentStore rows;
    private final FileStore store;
    private final ComplaintRepository complaints;
    private final AuditTrail audit;
    private final Clock clock;

    Attachments(AttachmentStore rows, FileStore store, ComplaintRepository complaints, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.store = store;
        this.complaints = complaints;
        this.audit = audit;
        this.clock = clock;
    }

    /** The files of these contact logs (of a customer the caller obtained from {@link CustomerService#get}), per log. */
    public Map<Long, List<AttachmentView>> ofLogs(Collection<Long> logIds) {
        Map<Long, List<AttachmentView>> perLog = new LinkedHashMap<>();
        rows.ofLogs(logIds).forEach(a -> perLog.computeIfAbsent(a.contactLogId(), id -> new java.util.ArrayList<>()).add(a));
        return perLog;
    }

    /** The newest files of a customer the caller obtained from {@link CustomerService#get}. */
    public List<AttachmentView> ofCustomer(Customer visible) {
        return rows.ofCustomer(visible.getId(), CUSTOMER_PAGE_FILES);
    }

    public long countOf(Customer visible) {
        return rows.countOfCustomer(visible.getId());
    }

    /** The files of a complaint the caller has shown the viewer. */
    public List<AttachmentView> ofComplaint(long visibleComplaintId) {
        return rows.ofComplaint(visibleComplaintId);
    }

    /**
     * The file (or its thumbnail) if the viewer may see its customer, or the complaint it is on.
     *
     * @param inline whether the browser should show it rather than save it
     */
    public Download download(Viewer viewer, long id, boolean thumbnail, boolean inline) {
        AttachmentStore.Row row = visible(viewer, id);
        if (thumbnail && row.thumbnailKey() == null) {
            throw new AttachmentNotFoundException(id);
        }
        String key = thumbnail ? row.thumbnailKey() : row.storageKey();
        String type = thumbnail ? "image/jpeg" : row.contentType();
        String disposition = ContentDispositions.of(inline, row.fileName());
        // thumbnails are sent by the application: small, and same-origin under the pages' CSP
        var link = thumbnail ? java.util.Optional.<java.net.URI>empty()
                : store.temporaryLink(key, type, disposition, LINK_LIFETIME);
        return new Download(row.fileName(), type, link, () -> store.open(key));
    }

    /** Hides the file at once; its bytes stay until the retention has passed (the nightly job). */
    @Transactional
    public long delete(Viewer viewer, long id) {
        AttachmentStore.Row row = visible(viewer, id);
        // only whoever sees the customer (its owner, a director) deletes, not the colleague a complaint was handed to
        if (!viewer.canSee(row.customerId(), row.ownerId())) {
            throw new AttachmentNotFoundException(id);
        }
        rows.markDeleted(id, viewer.username(), clock.instant());
        audit.deleted(viewer.username(), FileUploads.ENTITY, id, row.customerId(), "fileName", row.fileName());
        return row.customerId();
    }

    /** The live file of a live customer the viewer sees, or on a complaint the viewer sees; else "not found". */
    private AttachmentStore.Row visible(Viewer viewer, long id) {
        AttachmentStore.Row row = rows.findLive(id).filter(r -> !r.customerDeleted())
                .orElseThrow(() -> new AttachmentNotFoundException(id));
        if (viewer.canSee(row.customerId(), row.ownerId())) {
            return row;
        }
        boolean onTheirComplaint = row.complaintId() != null && complaints.findWithCustomerById(row.complaintId())
                .filter(c -> c.isVisibleTo(viewer)).isPresent();
        if (onTheirComplaint) {
            return row;
        }
        throw new AttachmentNotFoundException(id);
    }
}
