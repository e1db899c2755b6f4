package com.keyaccount.crm.web;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The UI's messages, as Spring Boot would set them up from {@code spring.messages}, with one
 * difference: a message with arguments is formatted on a copy of its cached pattern. Spring
 * formats on the shared one inside {@code synchronized}, so every page writing, say, "overdue since
 * … (n working days)" waited for every other: in a 50-user load run threads spent 360 s blocked
 * there (issue 20). A copy costs a few microseconds and is never contended.
 */
@Configuration(proxyBeanMethods = false)
class Messages {

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource(MessageSourceProperties properties) {
        ResourceBundleMessageSource messages = new Unshared();
        messages.setBasenames(properties.getBasename().toArray(String[]::new));
        if (properties.getEncoding() != null) {
            messages.setDefaultEncoding(properties.getEncoding().name());
        }
        messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            messages.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return messages;
    }

    /** Hands each caller its own copy of the cached format. */
    static final class Unshared extends ResourceBundleMessageSource {

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            MessageFormat shared = super.resolveCode(code, locale);
            return shared == null ? null : (MessageFormat) shared.clone();
        }
    }
}
