package com.keyaccount.crm.management;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who reaches the actuator endpoints. They live on the management port ({@code CRM_MANAGEMENT_PORT},
 * 8081), which the proxy does not forward: the balancer, compose and Prometheus ask it without
 * signing in. Health (liveness, readiness, without details) is open wherever it is served; info
 * and metrics only while the management port is a port of its own: set to the application's port
 * they would be public, so there they are refused. On the application's port nothing under
 * {@code /actuator} exists (404).
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain managementFilterChain(HttpSecurity http, Environment environment) throws Exception {
        boolean ownPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        http
                .securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
                    if (ownPort) {
                        auth.anyRequest().permitAll();
                    } else {
                        auth.anyRequest().denyAll();
                    }
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
