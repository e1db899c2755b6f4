package com.keyaccount.crm.user.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.AppUserRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data behind signing in: the account a login names, the audit of every attempt with the
 * address it came from, and the throttle that slows password guessing ({@link SignInThrottle}).
 * The web layer's security wiring calls this and touches no table itself. Each outcome is
 * counted for the operators ({@code crm.signin}, tagged success, failure or throttled): a wave of
 * failures is password guessing.
 */
@Service
public class SignInAccounts {

    private final AppUserRepository users;
    private final AuditTrail audit;
    private final SignInThrottle throttle;
    private final Counter successes;
    private final Counter failures;
    private final Counter throttled;

    SignInAccounts(AppUserRepository users, AuditTrail audit, SignInThrottle throttle, MeterRegistry metrics) {
        this.users = users;
        this.audit = audit;
        this.throttle = throttle;
        this.successes = outcome(metrics, "success");
        this.failures = outcome(metrics, "failure");
        this.throttled = outcome(metrics, "throttled");
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return Counter.builder("crm.signin").description("Sign-in attempts: success, failure (wrong username or "
                + "password, disabled account) or throttled (turned away during a wait, password not checked)")
                .tag("outcome", outcome).register(metrics);
    }

    /** Read afresh at every sign-in (and after a password change), so a disabled user cannot start a session. */
    @Transactional(readOnly = true)
    public Optional<SignInAccount> find(String username) {
        return users.findByUsername(username).map(SignInAccount::of);
    }

    /**
     * How long an attempt for {@code username} from {@code address} must still wait before its
     * password is checked; zero when it may go ahead. Asked before every check, so a guess made
     * during the wait learns nothing; such a turned-away attempt is neither counted nor audited
     * (it would only let a flood of them fill the audit log).
     */
    public Duration waitBefore(String username, String address) {
        Duration wait = throttle.waitBefore(username, address);
        if (!wait.isZero()) {
            throttled.increment();
        }
        return wait;
    }

    /** A transaction of its own: the audit writes only inside one, and a sign-in runs outside any. */
    @Transactional
    public void succeeded(String username, String address) {
        audit.signIn(username, true, address);
        throttle.succeeded(username, address);
        successes.increment();
    }

    /** Audits and counts the failure; returns how long the next attempt of this pair must wait. */
    @Transactional
    public Duration failed(String username, String address) {
        audit.signIn(username, false, address);
        failures.increment();
        return throttle.failed(username, address);
    }
}
