package com.keyaccount.crm.security;

/**
 * A session's allowance of requests: {@code burst} at once, refilled at {@code perSecond}. Time is
 * passed in (nanoseconds from any fixed origin), so the arithmetic is tested without waiting.
 */
final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst, long now) {
        this.perNano = perSecond / 1_000_000_000d;
        this.capacity = Math.max(1, burst);
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes one request's token if there is one. */
    synchronized boolean tryTake(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
