package com.keyaccount.crm.attachment;

/**
 * What one upload may be ({@code crm.files.*}, crm-app's {@code config.FileStorageConfig}).
 *
 * @param maxFileBytes  the largest file kept (a photo is checked before it is shrunk on the server)
 * @param maxFiles      the most files one form sends
 * @param longEdge      an image's long side at most, in pixels, once stored (the browser shrinks to the same)
 * @param thumbnailEdge a thumbnail's long side, in pixels
 */
public record FileLimits(long maxFileBytes, int maxFiles, int longEdge, int thumbnailEdge) {

    public static final FileLimits DEFAULT = new FileLimits(10L * 1024 * 1024, 10, 1600, 240);

    /** The size limit as a person reads it: "10 MB". */
    public String readableMaxFileSize() {
        return maxFileBytes >= 1024 * 1024 ? maxFileBytes / (1024 * 1024) + " MB" : Math.max(1, maxFileBytes / 1024) + " KB";
    }
}
