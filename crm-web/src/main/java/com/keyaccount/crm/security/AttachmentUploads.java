package com.keyaccount.crm.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms that carry photos and files (crm.limits.attachment-body-size), and where a request too
 * large to read is sent back to: the same form, which says beside its file field what was too large.
 */
final class AttachmentUploads {

    private record Route(Pattern path, Function<String, String> back) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/customers/(\\d{1,18})/logs"), id -> "/customers/" + id + "/logs/new?filesTooLarge=1"),
            new Route(Pattern.compile("/customers/(\\d{1,18})/files"), id -> "/customers/" + id + "?filesTooLarge=1#files"),
            new Route(Pattern.compile("/complaints/(\\d{1,18})/files"), id -> "/complaints/" + id + "?filesTooLarge=1#files"));

    private AttachmentUploads() {
    }

    /** Where a too-large upload goes back to, if the request is one of these forms' POST. */
    static Optional<String> match(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        String path = BodyLimitFilter.path(request);
        for (Route route : ROUTES) {
            Matcher matcher = route.path().matcher(path);
            if (matcher.matches()) {
                return Optional.of(route.back().apply(matcher.group(1)));
            }
        }
        return Optional.empty();
    }
}
