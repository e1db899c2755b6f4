package com.keyaccount.crm.attachment;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

/**
 * The two things read from a photo's metadata before it is dropped: which way up it stands, and
 * (only if the user chose to keep it) when it was taken. The browser's shrinking writes back the
 * time alone when asked to; a photo sent as the camera made it carries it in its EXIF.
 */
final class PhotoMetadata {

    private final ZoneId zone;

    PhotoMetadata(ZoneId zone) {
        this.zone = zone;
    }

    record Read(Instant takenAt, int quarterTurns) {
    }

    Read read(byte[] content) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content), content.length);
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            // EXIF times name no zone: the camera's clock is taken to be in the business zone
            Date taken = exif == null ? null : exif.getDateOriginal(TimeZone.getTimeZone(zone));
            ExifIFD0Directory main = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer orientation = main == null ? null : main.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            return new Read(taken == null ? null : taken.toInstant(), quarterTurns(orientation));
        } catch (Exception unreadable) {
            // metadata that cannot be read is metadata that is not kept: the pixels still count
            return new Read(null, 0);
        }
    }

    /** EXIF orientation 6 is a quarter turn clockwise, 3 a half, 8 three quarters; mirrored ones are left. */
    private static int quarterTurns(Integer orientation) {
        if (orientation == null) {
            return 0;
        }
        return switch (orientation) {
            case 6 -> 1;
            case 3 -> 2;
            case 8 -> 3;
            default -> 0;
        };
    }
}
