package com.keyaccount.crm.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Who signed in on a request's session, known from its cookie alone: the limits run before Spring
 * Security's filters (one of which reads form parameters, and so a multipart body), so they look
 * at the session as those filters will find it. A session an administrator ended counts as
 * signed out. Spring Security still checks everything afterwards; this only decides what a
 * request may send and how many it may run. The session is the one the request already loaded
 * (from the shared store): asking costs no database read.
 */
final class SessionUsers {

    /** The signed-in user, or null for an anonymous, expired or ended session. */
    CrmUser of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object stored;
        try {
            if (UserSessions.isEnded(session)) {
                return null;
            }
            stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        } catch (IllegalStateException invalidated) {
            return null;
        }
        if (!(stored instanceof SecurityContext context)) {
            return null;
        }
        Authentication authentication = context.getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof CrmUser user)) {
            return null;
        }
        return user;
    }
}
