package com.keyaccount.crm.storage;

import com.keyaccount.crm.attachment.FileLimits;
import com.keyaccount.crm.attachment.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The file store chosen by {@code crm.files.store}, and the upload limits. */
@Configuration(proxyBeanMethods = false)
class FileStorageConfig {

    private static final Logger log = LoggerFactory.getLogger(FileStorageConfig.class);

    @Bean
    FileLimits fileLimits(FilesProperties files) {
        return new FileLimits(files.maxFileSize().toBytes(), files.maxFiles(), files.longEdge(), files.thumbnailEdge());
    }

    @Bean
    FileStore fileStore(FilesProperties files) {
        switch (files.store()) {
            case "local" -> {
                log.info("Attachments are stored in {}", files.localDirectory().toAbsolutePath());
                return new LocalFileStore(files.localDirectory());
            }
            case "s3" -> {
                S3FileStore store = s3(files.s3());
                if (files.s3().createBucket()) {
                    try {
                        store.ensureBucket();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                log.info("Attachments are stored in bucket {} of {}", files.s3().bucket(),
                        files.s3().endpoint() == null ? "AWS S3" : files.s3().endpoint());
                return store;
            }
            default -> throw new IllegalStateException("crm.files.store must be local or s3, not " + files.store());
        }
    }

    static S3FileStore s3(FilesProperties.S3 s3) {
        AwsCredentialsProvider credentials = s3.accessKey() == null || s3.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        var client = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(s3.region()))
                .credentialsProvider(credentials).forcePathStyle(s3.pathStyle())
                // S3-compatible stores do not all know the newer default checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presigner = S3Presigner.builder().region(Region.of(s3.region())).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build());
        if (s3.endpoint() != null) {
            client.endpointOverride(s3.endpoint());
        }
        if (s3.publicEndpoint() != null || s3.endpoint() != null) {
            presigner.endpointOverride(s3.publicEndpoint() != null ? s3.publicEndpoint() : s3.endpoint());
        }
        return new S3FileStore(client.build(), presigner.build(), s3.bucket());
    }
}
