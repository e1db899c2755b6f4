package com.keyaccount.crm.storage;

import com.keyaccount.crm.attachment.FileStore;
import com.keyaccount.crm.attachment.StorageKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files in a folder ({@code ./data/files} by default): zero setup, one server. A file is written
 * under a temporary name and renamed once complete, so a crash mid-write leaves no half file under
 * a key (the temporary one is swept like any orphan). The application sends the bytes itself.
 */
class LocalFileStore implements FileStore {

    private static final String PARTIAL = ".partial";

    private final Path root;

    LocalFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String contentType) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        try {
            Files.write(partial, content);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notOnThisDisk) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            Files.deleteIfExists(path(key));
        } catch (NoSuchFileException alreadyGone) {
            // nothing to do
        }
    }

    @Override
    public List<String> keysStoredBefore(Instant instant) throws IOException {
        List<String> keys = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String key = root.relativize(file).toString().replace('\\', '/');
                boolean ours = StorageKeys.FORM.matcher(key).matches()
                        || key.endsWith(PARTIAL) && StorageKeys.FORM.matcher(key.substring(0, key.length()
                        - PARTIAL.length())).matches();
                if (ours && Files.getLastModifiedTime(file).toInstant().isBefore(instant)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    @Override
    public Optional<URI> temporaryLink(String key, String contentType, String disposition, Duration validFor) {
        return Optional.empty();
    }

    private Path path(String key) {
        String checked = key.endsWith(PARTIAL) ? StorageKeys.checked(key.substring(0, key.length() - PARTIAL.length()))
                + PARTIAL : StorageKeys.checked(key);
        return root.resolve(checked);
    }
}
