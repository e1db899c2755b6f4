package com.keyaccount.crm.security;

import com.keyaccount.crm.api.web.ApiProblems;
import com.keyaccount.crm.user.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Decides from the headers alone whether a request may send its body, before anything reads it:
 * Spring Security's CSRF check reads form parameters, which for a multipart request makes the
 * container receive and store the whole upload. Only a signed-in director or admin's import
 * upload may be large; any other body is small, and a body without a stated length is refused
 * outside the import (the container cannot cap a multipart body it has not been told the size
 * of). An anonymous request may send a body only to sign in, to answer a personal survey (/s/{token}), and to the ERP API, which checks its
 * token before it reads anything.
 */
class BodyLimitFilter extends OncePerRequestFilter {

    static final Pattern IMPORT_UPLOAD = Pattern.compile("/imports/(customers|sales)");
    /** A customer's answers to a personal satisfaction survey: anonymous, a small form (within the body limit). */
    static final Pattern PUBLIC_SURVEY = Pattern.compile("/s/[A-Za-z0-9_-]{1,64}");
    private static final Set<Role> IMPORTERS = Set.of(Role.SALES_DIRECTOR, Role.ADMIN);

    private final RequestLimits limits;
    private final SessionUsers users;
    private final LimitPages pages;

    BodyLimitFilter(RequestLimits limits, SessionUsers users, LimitPages pages) {
        this.limits = limits;
        this.users = users;
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean unstated = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !unstated) {
            chain.doFilter(request, response);
            return;
        }
        String path = path(request);
        boolean api = path.startsWith("/api/");
        CrmUser user = api ? null : users.of(request);
        if (isImportUpload(request)) {
            if (user == null) {
                pages.signIn(request, response);
            } else if (!IMPORTERS.contains(user.role()) || user.passwordChangeRequired()) {
                pages.forbidden(request, response);
            } else if (length > limits.uploadSize().toBytes()) {
                pages.tooLarge(request, response, limits.uploadSize());
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        var attachments = AttachmentUploads.match(request);
        if (attachments.isPresent() && user != null && !unstated) {
            if (length > limits.attachmentBodySize().toBytes()) {
                // nothing of the body is read: back to the form, which says so beside its file field
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getContextPath() + attachments.get());
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        DataSize limit = api ? limits.apiBodySize() : limits.bodySize();
        if (api && unstated) {
            ApiProblems.write(request, response, HttpStatus.LENGTH_REQUIRED,
                    "Send the body with a Content-Length; nothing was read.");
        } else if (api && length > limit.toBytes()) {
            ApiProblems.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
                    "The body is larger than " + LimitPages.readable(limit) + "; nothing was read.");
        } else if (unstated) {
            pages.lengthRequired(request, response);
        } else if (length > limit.toBytes()) {
            pages.tooLarge(request, response, limit);
        } else if (user == null && !api && !("POST".equals(request.getMethod())
                && ("/login".equals(path) || PUBLIC_SURVEY.matcher(path).matches()))) {
            pages.signIn(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    static boolean isImportUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && IMPORT_UPLOAD.matcher(path(request)).matches();
    }

    /**
     * The decoded, normalised path the container maps, so no encoding of it slips past (a mock
     * request without a servlet path falls back to its decoded URI).
     */
    static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        String path = request.getServletPath() + (info == null ? "" : info);
        return path.isEmpty() ? UrlPathHelper.defaultInstance.getPathWithinApplication(request) : path;
    }
}
