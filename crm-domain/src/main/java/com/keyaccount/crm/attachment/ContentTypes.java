package com.keyaccount.crm.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, by its content (Tika's magic bytes), and whether it may be kept: images, PDF and
 * Office documents only. A name that promises another type than the content is refused too (a
 * PNG called quotation.pdf), so what the list shows is what opens.
 */
final class ContentTypes {

    static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp");
    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";
    private static final Set<String> DOCUMENTS = Set.of("application/pdf", "application/msword",
            "application/vnd.ms-excel", "application/vnd.ms-powerpoint", OOXML + "wordprocessingml.document",
            OOXML + "spreadsheetml.sheet", OOXML + "presentationml.presentation");
    /** Types a name may be known by that are the same thing as the content's. */
    private static final Map<String, String> ALIASES = Map.of("image/x-ms-bmp", "image/bmp", "image/pjpeg",
            "image/jpeg");

    private final MimeTypes types = TikaConfig.getDefaultConfig().getMimeRepository();

    /**
     * The content's type, checked against the name and the allowed kinds.
     *
     * @throws FileRefusedException {@code unknown}, {@code notAllowed} or {@code mismatch}
     */
    String detect(String fileName, byte[] content) {
        MediaType byContent = detect(content, null);
        if (byContent == null || MediaType.OCTET_STREAM.equals(byContent) || MediaType.TEXT_PLAIN.equals(byContent)) {
            throw new FileRefusedException("unknown", fileName);
        }
        // the name only refines what the bytes already say (a ZIP that is named .docx, an OLE2 file .xls)
        String type = normal(detect(content, fileName));
        // what the bytes are decides first: a program is refused as a program, whatever its name
        if (!IMAGES.contains(type) && !DOCUMENTS.contains(type)) {
            throw new FileRefusedException("notAllowed", fileName);
        }
        String byName = normal(detect(null, fileName));
        if (!MediaType.OCTET_STREAM.toString().equals(byName) && !byName.equals(type)) {
            throw new FileRefusedException("mismatch", fileName);
        }
        if (type.startsWith(OOXML) && !isOfficePackage(content)) {
            throw new FileRefusedException("mismatch", fileName);
        }
        return type;
    }

    private MediaType detect(byte[] content, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = content == null ? null : new ByteArrayInputStream(content)) {
            return types.detect(in, metadata);
        } catch (IOException cannotHappenInMemory) {
            throw new IllegalStateException(cannotHappenInMemory);
        }
    }

    private String normal(MediaType type) {
        String base = type.getBaseType().toString();
        return ALIASES.getOrDefault(base, base);
    }

    /** An Office Open XML file is a ZIP whose parts are listed in [Content_Types].xml; any other ZIP is not one. */
    private static boolean isOfficePackage(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if ("[Content_Types].xml".equals(entry.getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException notAZip) {
            return false;
        }
    }
}
