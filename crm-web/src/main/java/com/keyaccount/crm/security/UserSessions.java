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
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The signed-in sessions of each user. Ending one marks it expired in the registry, and the
 * session filter signs it out on its next request and sends the browser to the login page.
 * Sessions live in this process's memory (no shared session store), so the registry sees them all.
 */
@Component
@RequiredArgsConstructor
public class UserSessions {

    private final SessionRegistry registry;
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

    private void endAll(String username, String keptSessionId) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(keptSessionId)) {
                        session.expireNow();
                    }
                }
            }
        }
    }
}
