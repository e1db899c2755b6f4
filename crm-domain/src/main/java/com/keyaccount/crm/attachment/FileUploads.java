package com.keyaccount.crm.attachment;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.complaint.Complaint;
import com.keyaccount.crm.complaint.ComplaintNotFoundException;
import com.keyaccount.crm.complaint.ComplaintRepository;
import com.keyaccount.crm.contactlog.RecordedLog;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps checked files: their bytes go to the store first, then their rows (with what they belong
 * to) in one transaction. When that transaction fails, the stored objects are deleted again; when
 * the server dies between the two, the nightly orphan sweep finds objects no row names. So a
 * half-finished upload leaves nothing a user could see, and nothing for long.
 */
@Service
public class FileUploads {

    private static final Logger log = LoggerFactory.getLogger(FileUploads.class);
    static final String ENTITY = "Attachment";

    private final FileStore store;
    private final AttachmentStore rows;
    private final CustomerService customers;
    private final ComplaintRepository complaints;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    FileUploads(FileStore store, AttachmentStore rows, CustomerService customers, ComplaintRepository complaints,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.rows = rows;
        this.customers = customers;
        this.complaints = complaints;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Files on the customer itself (its page's files section). */
    public void attachToCustomer(Viewer viewer, long customerId, List<PreparedFile> files) {
        customers.get(viewer, customerId);
        keep(files, stored -> transaction.executeWithoutResult(status -> {
            Customer customer = customers.get(viewer, customerId);
            insert(viewer, customer.getId(), null, null, stored);
        }));
    }

    /** Files on a complaint, by whoever may see it (its customer's manager, or the one it was handed to). */
    public void attachToComplaint(Viewer viewer, long complaintId, List<PreparedFile> files) {
        visibleComplaint(viewer, complaintId);
        keep(files, stored -> transaction.executeWithoutResult(status -> {
            Complaint complaint = visibleComplaint(viewer, complaintId);
            insert(viewer, complaint.getCustomer().getId(), null, complaintId, stored);
        }));
    }

    /**
     * Records a contact log through {@code record} and the files with it, in one transaction: the
     * log and its photos commit or roll back together. A resubmitted form (the log exists already)
     * keeps no files a second time.
     */
    public RecordedLog logWithFiles(Viewer viewer, List<PreparedFile> files, Supplier<RecordedLog> record) {
        if (files.isEmpty()) {
            return record.get();
        }
        List<RecordedLog> recorded = new ArrayList<>();
        List<StoredFile> stored = keep(files, kept -> recorded.add(transaction.execute(status -> {
            RecordedLog written = record.get();
            if (!written.duplicate()) {
                insert(viewer, written.customerId(), written.logId(), null, kept);
            }
            return written;
        })));
        if (recorded.get(0).duplicate()) {
            // the first submission kept its own files; these copies are named by no row
            discard(stored);
        }
        return recorded.get(0);
    }

    private Complaint visibleComplaint(Viewer viewer, long complaintId) {
        return complaints.findWithCustomerById(complaintId)
                .filter(c -> !c.getCustomer().isDeleted() && c.isVisibleTo(viewer))
                .orElseThrow(() -> new ComplaintNotFoundException(complaintId));
    }

    private void insert(Viewer viewer, long customerId, Long logId, Long complaintId, List<StoredFile> stored) {
        for (StoredFile file : stored) {
            long id = rows.insert(customerId, logId, complaintId, file, viewer.userId(), clock.instant());
            audit.created(viewer.username(), ENTITY, id, customerId, "fileName", file.file().fileName());
        }
    }

    /** Stores the files, then has {@code write} record them; when that fails, the stored objects go again. */
    private List<StoredFile> keep(List<PreparedFile> files, Consumer<List<StoredFile>> write) {
        List<StoredFile> stored = put(files);
        try {
            write.accept(stored);
        } catch (RuntimeException | Error failed) {
            discard(stored);
            throw failed;
        }
        return stored;
    }

    private List<StoredFile> put(List<PreparedFile> files) {
        List<StoredFile> stored = new ArrayList<>();
        try {
            for (PreparedFile file : files) {
                String key = StorageKeys.newFileKey();
                store.put(key, file.content(), file.contentType());
                stored.add(new StoredFile(file, key, null));
                if (file.image()) {
                    String thumbnail = StorageKeys.newThumbnailKey();
                    store.put(thumbnail, file.thumbnail(), "image/jpeg");
                    stored.set(stored.size() - 1, new StoredFile(file, key, thumbnail));
                }
            }
            return stored;
        } catch (IOException | RuntimeException failed) {
            discard(stored);
            throw failed instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failed;
        }
    }

    private void discard(List<StoredFile> stored) {
        for (StoredFile file : stored) {
            deleteQuietly(file.storageKey());
            deleteQuietly(file.thumbnailKey());
        }
    }

    private void deleteQuietly(String key) {
        if (key == null) {
            return;
        }
        try {
            store.delete(key);
        } catch (IOException | RuntimeException failed) {
            // the orphan sweep removes it later: no row names it
            log.warn("Could not delete stored file {} after a failed upload: {}", key, failed.toString());
        }
    }
}
