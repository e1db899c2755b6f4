package com.keyaccount.crm.security;

import com.keyaccount.crm.api.ApiTokens;
import com.keyaccount.crm.api.web.ApiProblems;
import com.keyaccount.crm.user.application.SignInAccounts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.session.ConcurrentSessionFilter;

@Configuration
@EnableWebSecurity
// the API's rate per token; RequestLimitsConfig binds the same, for the servlet filters
@EnableConfigurationProperties(RequestLimits.class)
public class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
    /**
     * Swagger UI (administrators only) sets a style of its own inline; everything else as on the
     * pages. Scripts stay 'self' only.
     */
    static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'unsafe-inline'");
    private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    /**
     * The ERP's JSON API: no session, no cookies (so no CSRF to forge), a bearer token on every
     * request, at most so many a second per token; anything else answers 401. Every refusal is
     * a problem (RFC 9457), as the controllers' errors are.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, RequestLimits limits) throws Exception {
        http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ApiTokenFilter.ROLE))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new ApiFailureFilter(), DisableEncodeUrlFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new ApiRateLimitFilter(limits), ApiTokenFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            ApiProblems.write(request, response, HttpStatus.UNAUTHORIZED,
                                    "A valid API token is required: Authorization: Bearer crm_…");
                        })
                        .accessDeniedHandler((request, response, e) -> ApiProblems.write(request, response,
                                HttpStatus.FORBIDDEN, "Only an API token may use the API.")));
        return http.build();
    }

    private static AuthenticationSuccessHandler signedIn(SignInAccounts signIns) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            signIns.succeeded(authentication.getName(), request.getRemoteAddr());
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInAccounts signIns) throws Exception {
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
                        // a customer's personal satisfaction survey: the unguessable token in the path is its only key
                        .requestMatchers("/s/*").permitAll()
                        // the installable app (issue 23): the browser fetches the manifest without cookies and
                        // checks the service worker for updates whoever is signed in; the offline page names nobody
                        .requestMatchers("/sw.js", "/manifest.webmanifest", "/icons/**", "/offline").permitAll()
                        // health and metrics are served on the management port only: here the path is
                        // nothing, and says so (404) to anyone rather than asking them to sign in
                        .requestMatchers("/actuator/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // the ERP API's generated contract and Swagger UI (springdoc; off in production by a setting)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").hasRole("ADMIN")
                        .requestMatchers("/customers/*/delete", "/customers/*/designation/**", "/customers/reassign",
                                "/customers/*/tier-pin/**", "/tiers/**", "/imports/**", "/audit/**",
                                "/customers/*/plans/*/approve", "/customers/*/plans/*/return")
                        .hasAnyRole("SALES_DIRECTOR", "ADMIN")
                        // targets are set by directors and admins; everyone reads the board (a manager their own row)
                        .requestMatchers("/targets/edit").hasAnyRole("SALES_DIRECTOR", "ADMIN")
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/targets")
                        .hasAnyRole("SALES_DIRECTOR", "ADMIN")
                        .anyRequest().authenticated())
                // the public survey form carries no session (so no CSRF token to check): a cross-site post
                // would need the link's secret token, which is the whole of its authority
                .csrf(csrf -> csrf.ignoringRequestMatchers("/s/*"))
                .addFilterBefore(new LoginThrottleFilter(signIns), UsernamePasswordAuthenticationFilter.class)
                // where Spring Security's own check of ended sessions would stand: that one asks a
                // session registry, which for shared sessions is one more database read a request
                .addFilterAt(new EndedSessionFilter(), ConcurrentSessionFilter.class)
                .addFilterBefore(new PasswordChangeFilter(), AuthorizationFilter.class)
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(signedIn(signIns))
                        .failureHandler((request, response, e) -> {
                            // the same answer whether or not the account exists; the wait too
                            long wait = LoginThrottleFilter.seconds(
                                    signIns.failed(request.getParameter("username"), request.getRemoteAddr()));
                            response.sendRedirect(request.getContextPath()
                                    + (wait > 0 ? "/login?error&wait=" + wait : "/login?error"));
                        })
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // replaced, not added: the container's valve has set the pages' policy already
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI, (request, response) ->
                                response.setHeader("Content-Security-Policy", SWAGGER_UI_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Adaptive hashing (bcrypt by default), with the algorithm id stored in the hash. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
