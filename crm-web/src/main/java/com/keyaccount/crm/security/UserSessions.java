package com.keyaccount.crm.security;

import com.keyaccount.crm.user.application.AccessRevoked;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The signed-in sessions of each user, in the session store every instance shares (Spring
 * Session JDBC), found by the user's name. Ending one marks it; {@link EndedSessionFilter} signs
 * it out on its next request, on whichever instance that lands, and sends the browser to the
 * login page. A mark rather than a delete, so that the page can say the session was ended.
 */
@Component
@RequiredArgsConstructor
public class UserSessions {

    private static final String ENDED = UserSessions.class.getName() + ".ENDED";

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final CrmUserDetailsService userDetails;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    /** Only once the change is committed: ended earlier, a quick sign-in could still see the old state. */
    @TransactionalEventListener
    void accessRevoked(AccessRevoked event) {
        endAll(event.username(), null);
    }

    /**
     * The signed-in user chose a new password: this session carries on with their fresh
     * details (no longer forced to the password form); their other sessions end.
     */
    public void passwordChanged(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        UserDetails fresh = userDetails.loadUserByUsername(current.getName());
        UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                fresh.getAuthorities());
        renewed.setDetails(current.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        HttpSession session = request.getSession(false);
        endAll(fresh.getUsername(), session == null ? null : session.getId());
    }

    /** Whether an administrator's change (or a new password chosen elsewhere) ended the session. */
    static boolean isEnded(HttpSession session) {
        return Boolean.TRUE.equals(session.getAttribute(ENDED));
    }

    private void endAll(String username, String keptSessionId) {
        endAll(sessions, username, keptSessionId);
    }

    private static <S extends Session> void endAll(FindByIndexNameSessionRepository<S> store, String username,
            String keptSessionId) {
        for (S session : store.findByPrincipalName(username).values()) {
            if (!session.getId().equals(keptSessionId)) {
                session.setAttribute(ENDED, Boolean.TRUE);
                store.save(session);
            }
        }
    }
}
