package com.keyaccount.crm.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing: after {@link #PER_ACCOUNT} failed sign-ins for one username, or
 * {@link #PER_ADDRESS} from one address, further attempts are refused until {@link #WINDOW} has
 * passed since the last failure. Nothing is locked for good: the real user waits, or an admin
 * resets the password; a successful sign-in clears the account's count.
 */
class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, AtomicInteger> byAccount = counter();
    private final Cache<String, AtomicInteger> byAddress = counter();

    private static Cache<String, AtomicInteger> counter() {
        return Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(100_000).build();
    }

    boolean refuses(String username, String address) {
        return count(byAccount, key(username)) >= PER_ACCOUNT || count(byAddress, address) >= PER_ADDRESS;
    }

    void failed(String username, String address) {
        increment(byAccount, key(username));
        increment(byAddress, address);
    }

    void succeeded(String username) {
        byAccount.invalidate(key(username));
    }

    private static int count(Cache<String, AtomicInteger> counts, String key) {
        AtomicInteger count = key == null ? null : counts.getIfPresent(key);
        return count == null ? 0 : count.get();
    }

    private static void increment(Cache<String, AtomicInteger> counts, String key) {
        if (key != null) {
            // re-put so the window restarts with every failure
            AtomicInteger count = counts.get(key, k -> new AtomicInteger());
            count.incrementAndGet();
            counts.put(key, count);
        }
    }

    private static String key(String username) {
        return username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
