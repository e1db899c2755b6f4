package com.keyaccount.crm.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps one user from crowding out the others: a signed-in session may send
 * {@link RequestLimits#requestsPerSecond()} requests a second (after a burst of
 * {@link RequestLimits#requestBurst()}), and a user may have {@link RequestLimits#concurrentPerUser()}
 * expensive requests running at once (a download of a whole book, a preview of every customer
 * under new rules, a recompute, an import upload). Beyond either the answer is 429 at once, before
 * any work, and before an upload's body is read. The page's own styles and scripts are not
 * counted. Counted in this instance's memory (see {@link RequestLimits}).
 */
class FairUseFilter extends OncePerRequestFilter {

    private static final List<Pattern> EXPENSIVE = List.of(
            Pattern.compile("/exports/[^/]+"),
            Pattern.compile("/customers/tiers\\.csv"),
            Pattern.compile("/admin/rules/drafts/[^/]+/(preview|movers\\.csv)"),
            Pattern.compile("/admin/(quotas|calendar)/drafts/[^/]+/preview"),
            Pattern.compile("/tiers/recompute"));
    private static final List<String> ASSETS = List.of("/css/", "/js/", "/favicon.");

    private final RequestLimits limits;
    private final SessionUsers users;
    private final LimitPages pages;
    private final RunningRequests running;
    private final LongSupplier nanoTime;
    private final Cache<String, TokenBucket> sessions = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

    FairUseFilter(RequestLimits limits, SessionUsers users, LimitPages pages, LongSupplier nanoTime) {
        this.limits = limits;
        this.users = users;
        this.pages = pages;
        this.running = new RunningRequests(limits.concurrentPerUser());
        this.nanoTime = nanoTime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = BodyLimitFilter.path(request);
        CrmUser user = ASSETS.stream().anyMatch(path::startsWith) ? null : users.of(request);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        if (limits.requestsPerSecond() > 0 && !bucket(request.getSession().getId()).tryTake(nanoTime.getAsLong())) {
            pages.tooFast(request, response);
            return;
        }
        if (limits.concurrentPerUser() <= 0 || !expensive(request, path)) {
            chain.doFilter(request, response);
            return;
        }
        if (!running.tryStart(user.id())) {
            pages.busy(request, response, running.perUser());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.finish(user.id());
        }
    }

    private TokenBucket bucket(String session) {
        return sessions.get(session, id -> new TokenBucket(limits.requestsPerSecond(), limits.requestBurst(),
                nanoTime.getAsLong()));
    }

    private static boolean expensive(HttpServletRequest request, String path) {
        return BodyLimitFilter.isImportUpload(request) || EXPENSIVE.stream().anyMatch(p -> p.matcher(path).matches());
    }
}
