package com.keyaccount.crm.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Redirects stay on this site ({@link RelativeRedirectFilter}), but for one kind: a download the
 * application allowed is handed to the object store as a presigned link on the store's own host.
 * The download marks its request; nothing a client sends can.
 */
public final class ExternalRedirects {

    private static final String ATTRIBUTE = ExternalRedirects.class.getName() + ".allowed";

    private ExternalRedirects() {
    }

    /** This request's redirect may name another host (it was built by the application, never from input). */
    public static void allowFor(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean allowed(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }
}
