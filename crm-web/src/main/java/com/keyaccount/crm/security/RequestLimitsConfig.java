package com.keyaccount.crm.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The limits of issue 22 as servlet filters ahead of Spring Security (order -100) and of Boot's
 * form-content filter (-9900), which is before anything reads a request body; the page for a
 * database down around the session store; and the security headers on the container's own error
 * pages.
 */
@Configuration
@EnableConfigurationProperties(RequestLimits.class)
class RequestLimitsConfig {

    static final int RELATIVE_REDIRECTS_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;
    /** Outside Spring Session's filter (HIGHEST_PRECEDENCE + 50), which stores the session as the response commits. */
    static final int SESSION_STORE_DOWN_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;
    static final int BODY_LIMIT_ORDER = -10_100;
    static final int FAIR_USE_ORDER = -10_000;

    @Bean
    FilterRegistrationBean<RelativeRedirectFilter> relativeRedirects() {
        FilterRegistrationBean<RelativeRedirectFilter> registration =
                new FilterRegistrationBean<>(new RelativeRedirectFilter());
        registration.setOrder(RELATIVE_REDIRECTS_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SessionStoreDownFilter> sessionStoreDown(MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<SessionStoreDownFilter> registration =
                new FilterRegistrationBean<>(new SessionStoreDownFilter(new LimitPages(messages, locales)));
        registration.setOrder(SESSION_STORE_DOWN_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(RequestLimits limits, MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(limits, new SessionUsers(), new LimitPages(messages, locales)));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FairUseFilter> fairUse(RequestLimits limits, MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<FairUseFilter> registration = new FilterRegistrationBean<>(new FairUseFilter(limits,
                new SessionUsers(), new LimitPages(messages, locales), System::nanoTime));
        registration.setOrder(FAIR_USE_ORDER);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorHeaders() {
        return factory -> factory.addEngineValves(new ContainerErrorHeadersValve());
    }
}
