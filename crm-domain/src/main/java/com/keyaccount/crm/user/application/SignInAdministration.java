package com.keyaccount.crm.user.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators help a user sign in: a new temporary password, and the sign-in waits that
 * failed attempts put on them, seen and lifted. Every step is audited.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class SignInAdministration {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SignInThrottle signInThrottle;

    /**
     * Gives the user a new temporary password (returned, to be shown once): the old one stops
     * working, open sessions end, and they must choose their own at next sign-in.
     */
    public String resetPassword(Viewer admin, long id) {
        AdminAccess.require(admin);
        AppUser user = AdminAccess.find(users, id);
        if (user.getId() == admin.userId()) {
            throw new OwnAccountException("reset password");
        }
        String temporary = TemporaryPasswords.generate();
        user.resetPassword(passwordEncoder.encode(temporary));
        // the old password's guesses say nothing about the new one: the user signs in with it at once
        signInThrottle.clear(user.getUsername());
        audit.performed(admin.username(), "PASSWORD_RESET", UserAdministration.ENTITY, id);
        events.publishEvent(new AccessRevoked(user.getUsername()));
        return temporary;
    }

    /** The user's failed sign-ins that still make them wait, for the edit page. */
    @Transactional(readOnly = true)
    public SignInFailures signInFailures(Viewer admin, long id) {
        AdminAccess.require(admin);
        return signInThrottle.of(AdminAccess.find(users, id).getUsername());
    }

    /**
     * Lifts every sign-in wait of the user, from every address, e.g. when they call from the
     * office while someone elsewhere keeps guessing. Audited even when there was nothing to lift,
     * because the request itself is worth knowing about.
     */
    public void clearSignInDelays(Viewer admin, long id) {
        AdminAccess.require(admin);
        AppUser user = AdminAccess.find(users, id);
        signInThrottle.clear(user.getUsername());
        audit.performed(admin.username(), "SIGN_IN_DELAYS_CLEARED", UserAdministration.ENTITY, id);
    }
}
