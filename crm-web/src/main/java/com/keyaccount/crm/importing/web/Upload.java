package com.keyaccount.crm.importing.web;

import com.keyaccount.crm.importing.LineSource;
import com.keyaccount.crm.importing.TabularFile;
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
        String original = file.getOriginalFilename();
        String name = original == null || original.isBlank() ? fallbackName
                : Path.of(original.replace('\\', '/')).getFileName().toString();
        return new Upload(saved, name);
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
