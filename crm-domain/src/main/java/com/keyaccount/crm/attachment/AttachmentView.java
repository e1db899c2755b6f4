package com.keyaccount.crm.attachment;

import java.time.Instant;

/**
 * An attachment as the pages list it: a thumbnail for an image, an icon and a name otherwise.
 *
 * @param contactLogId the visit (contact log) it was attached to, or null
 * @param complaintId  the complaint it was attached to, or null
 * @param takenAt      when the photo was taken, if the user kept it
 */
public record AttachmentView(long id, long customerId, Long contactLogId, Long complaintId, String fileName,
        String contentType, long sizeBytes, boolean image, Instant takenAt, Instant uploadedAt, String uploadedBy) {

    public boolean pdf() {
        return "application/pdf".equals(contentType);
    }

    /** "file-earmark-pdf" and the like: the bootstrap icon of a file that has no thumbnail. */
    public String icon() {
        if (pdf()) {
            return "file-earmark-pdf";
        }
        if (contentType.contains("word")) {
            return "file-earmark-word";
        }
        if (contentType.contains("excel") || contentType.contains("spreadsheet")) {
            return "file-earmark-excel";
        }
        if (contentType.contains("powerpoint") || contentType.contains("presentation")) {
            return "file-earmark-ppt";
        }
        return "file-earmark";
    }
}
