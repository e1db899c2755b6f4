package com.keyaccount.crm.storage;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where attachments are stored and what an upload may be ({@code crm.files.*}; README "Photos and
 * files").
 *
 * @param store          {@code local} (default: a folder, zero setup) or {@code s3}
 * @param localDirectory the folder of the local store ({@code ./data/files})
 * @param maxFileSize    the largest file kept
 * @param maxFiles       the most files one form sends
 * @param longEdge       an image's long side once stored, in pixels
 * @param thumbnailEdge  a thumbnail's long side, in pixels
 */
@ConfigurationProperties("crm.files")
public record FilesProperties(String store, Path localDirectory, DataSize maxFileSize, Integer maxFiles,
        Integer longEdge, Integer thumbnailEdge, S3 s3) {

    public FilesProperties {
        store = store == null || store.isBlank() ? "local" : store.strip().toLowerCase(java.util.Locale.ROOT);
        localDirectory = localDirectory == null ? Path.of("data", "files") : localDirectory;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxFiles = maxFiles == null ? 10 : maxFiles;
        longEdge = longEdge == null ? 1600 : longEdge;
        thumbnailEdge = thumbnailEdge == null ? 240 : thumbnailEdge;
        s3 = s3 == null ? new S3(null, null, null, null, null, null, null, null) : s3;
    }

    /**
     * An S3-compatible object store (AWS S3, MinIO …).
     *
     * @param endpoint       the store's address as this server reaches it; empty: AWS's for the region
     * @param publicEndpoint the address browsers reach it at, which presigned links name (compose:
     *                       the proxy, which passes the bucket's path to MinIO); empty: {@code endpoint}
     * @param pathStyle      bucket in the path (MinIO) rather than in the host name
     * @param createBucket   create the bucket at start-up when it is missing
     */
    public record S3(URI endpoint, URI publicEndpoint, String region, String bucket, String accessKey,
            String secretKey, Boolean pathStyle, Boolean createBucket) {

        public S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
            bucket = bucket == null || bucket.isBlank() ? "crm-files" : bucket;
            pathStyle = pathStyle == null || pathStyle;
            createBucket = createBucket != null && createBucket;
        }
    }
}
