package com.keyaccount.crm.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files at the repository's root (the tests run in crm-app, the deployment files live above it). */
final class RepositoryFiles {

    static final Path ROOT = findRoot();

    private RepositoryFiles() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("crm-app"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (mvnw beside crm-app) above " + Path.of("").toAbsolutePath());
    }
}
