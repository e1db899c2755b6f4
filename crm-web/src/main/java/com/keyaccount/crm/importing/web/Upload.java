package com.keyaccount.crm.importing.web;

import com.keyaccount.crm.importing.LineSource;
import com.keyaccount.crm.importing.TabularFile;
import com.keyaccount.crm.shared.ControlCharacters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded file saved where the background import can read it, with the name the user gave
 * it; the import reads it as CSV and discards the copy when it is done.
 */
public record Upload(Path saved, String name) implements LineSource {

    private static final Logger log = LoggerFactory.getLogger(Upload.class);

    public static Upload save(MultipartFile file, String fallbackName) throws IOException {
        Path saved = Files.createTempFile("import-", ".csv");
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
    public void discard() {
        try {
            Files.deleteIfExists(saved);
        } catch (IOException e) {
            log.warn("Could not delete uploaded file {}", saved, e);
        }
    }
}
