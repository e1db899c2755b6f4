package com.keyaccount.crm.user.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.AppUserRepository;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data behind signing in: the account a login names, and the audit of every attempt with
 * the address it came from. The web layer's security wiring calls this and touches no table itself.
 */
@Service
@RequiredArgsConstructor
public class SignInAccounts {

    private final AppUserRepository users;
    private final AuditTrail audit;

    /** Read afresh at every sign-in (and after a password change), so a disabled user cannot start a session. */
    @Transactional(readOnly = true)
    public Optional<SignInAccount> find(String username) {
        return users.findByUsername(username).map(SignInAccount::of);
    }

    /** A transaction of its own: the audit writes only inside one, and a sign-in runs outside any. */
    @Transactional
    public void succeeded(String username, String address) {
        audit.signIn(username, true, address);
    }

    @Transactional
    public void failed(String username, String address) {
        audit.signIn(username, false, address);
    }
}
