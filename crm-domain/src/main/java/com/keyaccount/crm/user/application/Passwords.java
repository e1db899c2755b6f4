package com.keyaccount.crm.user.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every signed-in user changes their own password, proving they know the current one. */
@Service
@RequiredArgsConstructor
public class Passwords {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;

    /**
     * @throws WrongPasswordException if {@code current} is not the user's password
     * @throws IllegalArgumentException if {@code chosen} breaks the {@link PasswordPolicy} or equals the current one
     */
    @Transactional
    public void changeOwn(Viewer self, String current, String chosen) {
        AppUser user = users.findById(self.userId()).orElseThrow(() -> new UserNotFoundException(self.userId()));
        if (current == null || !passwordEncoder.matches(current, user.getPasswordHash())) {
            throw new WrongPasswordException();
        }
        PasswordPolicy.check(chosen);
        if (chosen.equals(current)) {
            throw new IllegalArgumentException("the new password equals the current one");
        }
        user.changePassword(passwordEncoder.encode(chosen));
        audit.performed(self.username(), "PASSWORD_CHANGED", UserAdministration.ENTITY, user.getId());
    }
}
