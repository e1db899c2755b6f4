package com.keyaccount.crm.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.keyaccount.crm.api.web.ApiProblems;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each API token may send {@link RequestLimits#apiRequestsPerSecond()} requests a second after a
 * burst of {@link RequestLimits#apiRequestBurst()} (a Bucket4j token bucket per token); past that
 * the answer is 429 with {@code Retry-After}, before any work. One ERP stuck in a loop then
 * cannot crowd out the pages or another integration. Runs after the token is checked, so an
 * unknown token is a 401 and never fills a bucket; buckets are keyed by the token's hash, never
 * the token. Counted in this instance's memory, as the other limits are.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final RequestLimits limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(10_000).build();

    ApiRateLimitFilter(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (limits.apiRequestsPerSecond() <= 0 || !signedInClient() || header == null || !header.startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = buckets.get(hash(header.substring(BEARER.length()).strip()), key -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        ApiProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests for this token: at most "
                + limits.apiRequestsPerSecond() + " a second after a burst of " + limits.apiRequestBurst()
                + ". Nothing was done; send it again in " + seconds + " s.");
    }

    private Bucket newBucket() {
        // refilled evenly: a thousand seconds' worth at a time keeps fractions of a request a second exact enough
        long perThousandSeconds = Math.max(1, Math.round(limits.apiRequestsPerSecond() * 1000));
        return Bucket.builder().addLimit(limit -> limit.capacity(Math.max(1, limits.apiRequestBurst()))
                .refillGreedy(perThousandSeconds, Duration.ofSeconds(1000))).build();
    }

    private static boolean signedInClient() {
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        return client != null && client.isAuthenticated() && client.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + ApiTokenFilter.ROLE).equals(a.getAuthority()));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
