package com.keyaccount.crm.importing.web;

import com.keyaccount.crm.importing.LineSource;
import com.keyaccount.crm.importing.TabularFile;
import com.keyaccount.crm.shared.ControlCharacters;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded file saved where the background import can read it, with the name the user gave
 * it; the import reads it as CSV and discards the copy when it is done. Uploads wait in one
 * directory of their own, {@link #DIRECTORY}, so that what a stopped server left there can be
 * found and removed ({@link #removeLeftovers}).
 */
public record Upload(Path saved, String name) implements LineSource {

    /** Where uploads wait for their import: under the JVM's temporary directory, used by nothing else. */
    public static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "crm-uploads")
            .toAbsolutePath().normalize();
    private static final String PREFIX = "import-";

    private static final Logger log = LoggerFactory.getLogger(Upload.class);

    public static Upload save(MultipartFile file, String fallbackName) throws IOException {
        Files.createDirectories(DIRECTORY);
        Path saved = Files.createTempFile(DIRECTORY, PREFIX, ".csv");
        file.transferTo(saved);
        // the browser's name for the file: a NUL in it is no valid path (nor storable), "/" has no name
        String original = ControlCharacters.removedFrom(file.getOriginalFilename());
        Path given = original == null || original.isBlank() ? null
                : Path.of(original.replace('\\', '/')).getFileName();
        String name = given == null ? fallbackName : given.toString();
        // data_import.file_name holds 255 characters; the name is only shown, so a long one is cut
        return new Upload(saved, name.length() > 255 ? name.substring(0, 255) : name);
    }

    @Override
    public TabularFile open() throws IOException {
        return CsvLines.open(saved);
    }

    @Override
    public String location() {
        return saved.toAbsolutePath().normalize().toString();
    }

    /**
     * Deletes the uploads left in {@link #DIRECTORY} by imports that are over (a server that
     * stopped mid-import never deleted its file): every upload that is not {@code inUse} (the
     * file of an import still running, here or on another instance sharing the disk) and was
     * last written before {@code olderThan} (an upload being saved this moment has no import yet).
     * Returns how many it deleted.
     */
    public static int removeLeftovers(Set<Path> inUse, Instant olderThan) {
        if (!Files.isDirectory(DIRECTORY)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> uploads = Files.newDirectoryStream(DIRECTORY, PREFIX + "*")) {
            for (Path upload : uploads) {
                Path file = upload.toAbsolutePath().normalize();
                try {
                    if (!inUse.contains(file) && Files.isRegularFile(file)
                            && Files.getLastModifiedTime(file).toInstant().isBefore(olderThan)
                            && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (IOException e) {
                    log.warn("Could not delete the leftover upload {}", file, e);
                }
            }
        } catch (IOException e) {
            log.warn("Could not sweep the upload directory {}", DIRECTORY, e);
        }
        if (removed > 0) {
            log.info("Deleted {} uploaded files left by imports that are over", removed);
        }
        return removed;
    }

    @Override
    public void discard() {
        try {
            Files.deleteIfExists(saved);
        } catch (IOException e) {
            log.warn("Could not delete uploaded file {}", saved, e);
        }
    }
}
