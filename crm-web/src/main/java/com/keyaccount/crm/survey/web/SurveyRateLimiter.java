package com.keyaccount.crm.survey.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Caps answers posted to the public survey page per network address and per link within a
 * window, so that nobody can hammer the page (guessing tokens, or flooding one link's form with
 * invalid answers). In memory: a restart forgets, which is fine for a limit of minutes.
 */
@Component
public class SurveyRateLimiter {

    static final int PER_ADDRESS = 20;
    static final int PER_LINK = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Cache<String, AtomicInteger> addresses = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(WINDOW).build();
    private final Cache<String, AtomicInteger> links = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(WINDOW).build();

    /** Counts one post; false when the address or the link has used up its window. */
    boolean allow(String address, String token) {
        int byAddress = addresses.get(address == null ? "?" : address, a -> new AtomicInteger()).incrementAndGet();
        // the link's key is the token's prefix: enough to tell links apart, and no full token in memory
        String key = token == null ? "?" : token.substring(0, Math.min(16, token.length()));
        int byLink = links.get(key, k -> new AtomicInteger()).incrementAndGet();
        return byAddress <= PER_ADDRESS && byLink <= PER_LINK;
    }

    /** For tests: forget every count. */
    void reset() {
        addresses.invalidateAll();
        links.invalidateAll();
    }
}
