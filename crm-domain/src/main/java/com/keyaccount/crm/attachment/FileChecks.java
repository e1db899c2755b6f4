package com.keyaccount.crm.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns files as they arrived into files fit to keep, or refuses them all: the size and count
 * limits, the type by content, images re-encoded without their metadata (the time taken kept only
 * when the user chose so) and given a thumbnail. Nothing is stored here.
 */
@Component
public class FileChecks {

    /** A photo's clock may run a little ahead; a time taken further in the future is a wrong clock, not kept. */
    private static final Duration CLOCK_SKEW = Duration.ofDays(1);

    private final FileLimits limits;
    private final Clock clock;
    private final ContentTypes types = new ContentTypes();
    private final Photos photos;
    private final PhotoMetadata metadata;

    public FileChecks(FileLimits limits, Clock clock, ZoneId businessZone) {
        this.limits = limits;
        this.clock = clock;
        this.photos = new Photos(limits.longEdge(), limits.thumbnailEdge());
        this.metadata = new PhotoMetadata(businessZone);
    }

    public FileLimits limits() {
        return limits;
    }

    /**
     * @param keepTakenAt whether the user chose to keep the time each photo was taken
     * @throws FileRefusedException for the first file that may not be kept (the form refuses them all)
     */
    public List<PreparedFile> prepare(List<IncomingFile> files, boolean keepTakenAt) {
        if (files.size() > limits.maxFiles()) {
            throw new FileRefusedException("tooMany", limits.maxFiles());
        }
        List<PreparedFile> prepared = new ArrayList<>();
        for (IncomingFile file : files) {
            prepared.add(prepare(file, keepTakenAt));
        }
        return prepared;
    }

    private PreparedFile prepare(IncomingFile file, boolean keepTakenAt) {
        String name = FileNames.clean(file.name());
        if (file.content().length > limits.maxFileBytes()) {
            throw new FileRefusedException("tooLarge", name, limits.readableMaxFileSize());
        }
        if (file.content().length == 0) {
            throw new FileRefusedException("empty", name);
        }
        String type = types.detect(name, file.content());
        if (!ContentTypes.IMAGES.contains(type)) {
            return new PreparedFile(name, type, file.content(), null, sha256(file.content()), null);
        }
        PhotoMetadata.Read read = metadata.read(file.content());
        Photos.Encoded encoded = photos.reencode(name, file.content(), read.quarterTurns());
        Instant takenAt = keepTakenAt ? plausible(read.takenAt()) : null;
        return new PreparedFile(FileNames.withExtension(name, encoded.contentType()), encoded.contentType(),
                encoded.content(), encoded.thumbnail(), sha256(encoded.content()), takenAt);
    }

    private Instant plausible(Instant takenAt) {
        return takenAt != null && takenAt.isBefore(clock.instant().plus(CLOCK_SKEW)) ? takenAt : null;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
