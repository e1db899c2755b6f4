package com.keyaccount.crm.offline.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The service worker's script ({@code offline/sw.js}) with its version filled in: a hash of the
 * script and of every static file the app serves. A browser installs a new worker whenever the
 * script's bytes change, so a changed stylesheet or script replaces the phone's cached copies
 * (kept cache-first under the version) on the next visit, and an unchanged build keeps them.
 */
final class ServiceWorkerScript {

    private static final String TEMPLATE = "classpath:offline/sw.js";
    private static final String STATIC_FILES = "classpath*:static/**/*.*";
    private static final String VERSION_PLACEHOLDER = "@VERSION@";

    private final String text;

    ServiceWorkerScript() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            String template = read(resolver.getResource(TEMPLATE));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(template.getBytes(StandardCharsets.UTF_8));
            Resource[] files = resolver.getResources(STATIC_FILES);
            Arrays.sort(files, Comparator.comparing(ServiceWorkerScript::pathOf));
            for (Resource file : files) {
                digest.update(pathOf(file).getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            String version = HexFormat.of().formatHex(digest.digest(), 0, 8);
            this.text = template.replace(VERSION_PLACEHOLDER, version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service worker or the static files", e);
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    String text() {
        return text;
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The part of a static file's URL below {@code static/}, the same in a jar and in a folder. */
    private static String pathOf(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf("/static/");
            return at < 0 ? url : url.substring(at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
