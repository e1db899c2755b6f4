package com.keyaccount.crm.storage;

import com.keyaccount.crm.attachment.FileStore;
import com.keyaccount.crm.attachment.StorageKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Files in a bucket of an S3-compatible object store (AWS S3, MinIO), through the AWS SDK for
 * Java v2. The bucket stays private: a browser gets a presigned GET that works for a few minutes,
 * and only after the application checked who asks. Failures of the store come out as IOException,
 * as from a disk.
 */
class S3FileStore implements FileStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3FileStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** Creates the bucket when it is missing (compose's MinIO starts empty). */
    void ensureBucket() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            create();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("cannot reach bucket " + bucket + ": " + e.getMessage(), e);
            }
            create();
        } catch (SdkException e) {
            throw new IOException("cannot reach bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    private void create() throws IOException {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException("cannot create bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(StorageKeys.checked(key)).contentType(contentType)
                    .contentLength((long) content.length), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw new IOException("cannot store " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(StorageKeys.checked(key)));
        } catch (SdkException e) {
            throw new IOException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(StorageKeys.checked(key)));
        } catch (SdkException e) {
            throw new IOException("cannot delete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> keysStoredBefore(Instant instant) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
                if (StorageKeys.FORM.matcher(object.key()).matches() && object.lastModified().isBefore(instant)) {
                    keys.add(object.key());
                }
            }
        } catch (SdkException e) {
            throw new IOException("cannot list bucket " + bucket + ": " + e.getMessage(), e);
        }
        return keys;
    }

    @Override
    public Optional<URI> temporaryLink(String key, String contentType, String disposition, Duration validFor) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(StorageKeys.checked(key))
                .responseContentType(contentType).responseContentDisposition(disposition).build();
        try {
            return Optional.of(presigner.presignGetObject(p -> p.signatureDuration(validFor).getObjectRequest(get))
                    .url().toURI());
        } catch (URISyntaxException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }
}
