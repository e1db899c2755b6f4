package com.keyaccount.crm.importing.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.web.multipart.MultipartFile;

/** An uploaded file saved where the background import can read it, with the name the user gave it. */
public record Upload(Path saved, String name) {

    public static Upload save(MultipartFile file, String fallbackName) throws IOException {
        Path saved = Files.createTempFile("import-", ".csv");
        file.transferTo(saved);
        String original = file.getOriginalFilename();
        String name = original == null || original.isBlank() ? fallbackName
                : Path.of(original.replace('\\', '/')).getFileName().toString();
        return new Upload(saved, name);
    }
}
