package com.keyaccount.crm.security;

import com.keyaccount.crm.api.ApiTokens;
import com.keyaccount.crm.user.application.SignInAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
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
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.ConcurrentSessionFilter;

@Configuration
@EnableWebSecurity
public class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    /**
     * The ERP's JSON API: no session, no cookies (so no CSRF to forge), a bearer token on every
     * request; anything else answers 401.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ApiTokenFilter.ROLE))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            response.setContentType("application/json");
                            response.setStatus(401);
                            response.getWriter().write("{\"error\":\"a valid API token is required\"}");
                        }));
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
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/customers/*/delete", "/customers/*/designation/**", "/customers/reassign",
                                "/customers/*/tier-pin/**", "/tiers/**", "/imports/**", "/audit/**")
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
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Adaptive hashing (bcrypt by default), with the algorithm id stored in the hash. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
