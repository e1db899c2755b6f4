package com.keyaccount.crm.attachment;

import com.keyaccount.crm.shared.ControlCharacters;

/** The name a file is listed and downloaded under: the device's name without folders, control characters or quotes. */
final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    static String clean(String name) {
        String base = name == null ? "" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        base.codePoints().filter(c -> c >= 0x20 && c != 0x7f && c != '"' && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String clean = ControlCharacters.removedFrom(kept.toString()).strip();
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
            clean = "file";
        }
        if (clean.length() > MAX_LENGTH) {
            int dot = clean.lastIndexOf('.');
            String extension = dot > 0 && clean.length() - dot <= 10 ? clean.substring(dot) : "";
            clean = clean.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return clean;
    }

    /** The name with the extension of what it became (a PNG re-encoded as JPEG is called .jpg). */
    static String withExtension(String name, String contentType) {
        String extension = switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> null;
        };
        if (extension == null || name.toLowerCase(java.util.Locale.ROOT).endsWith(extension)
                || "image/jpeg".equals(contentType) && name.toLowerCase(java.util.Locale.ROOT).endsWith(".jpeg")) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.substring(0, Math.min(stem.length(), MAX_LENGTH - extension.length())) + extension;
    }
}
