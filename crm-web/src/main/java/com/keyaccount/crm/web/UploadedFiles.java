package com.keyaccount.crm.web;

import com.keyaccount.crm.attachment.FileChecks;
import com.keyaccount.crm.attachment.FileRefusedException;
import com.keyaccount.crm.attachment.IncomingFile;
import com.keyaccount.crm.attachment.PreparedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files a form sent, checked before anything is written: the count and each size from the
 * parts' headers before a byte is read, then {@link FileChecks} on the content. Either every file
 * passes, or the form comes back with one message beside its file field.
 */
@Component
public class UploadedFiles {

    private final FileChecks checks;

    UploadedFiles(FileChecks checks) {
        this.checks = checks;
    }

    /** The outcome: the files fit to keep, or what the field says. */
    public record Checked(List<PreparedFile> files, FilesError error) {

        public static final Checked NONE = new Checked(List.of(), null);

        public boolean ok() {
            return error == null;
        }
    }

    public Checked check(List<MultipartFile> parts, boolean keepTakenAt) {
        // a file input left empty still sends a part, without a name or bytes
        List<MultipartFile> chosen = parts == null ? List.of()
                : parts.stream().filter(p -> p != null && !p.isEmpty()).toList();
        if (chosen.isEmpty()) {
            return Checked.NONE;
        }
        try {
            if (chosen.size() > checks.limits().maxFiles()) {
                throw new FileRefusedException("tooMany", checks.limits().maxFiles());
            }
            List<IncomingFile> incoming = new ArrayList<>();
            for (MultipartFile part : chosen) {
                if (part.getSize() > checks.limits().maxFileBytes()) {
                    throw new FileRefusedException("tooLarge", name(part), checks.limits().readableMaxFileSize());
                }
                incoming.add(new IncomingFile(name(part), part.getBytes()));
            }
            return new Checked(checks.prepare(incoming, keepTakenAt), null);
        } catch (FileRefusedException refused) {
            return new Checked(List.of(), new FilesError("files.refused." + refused.code(), refused.args()));
        } catch (IOException unreadable) {
            return new Checked(List.of(), FilesError.tooLargeRequest());
        }
    }

    private static String name(MultipartFile part) {
        String name = part.getOriginalFilename();
        return name == null || name.isBlank() ? "file" : name.substring(Math.max(name.lastIndexOf('/'),
                name.lastIndexOf('\\')) + 1);
    }
}
