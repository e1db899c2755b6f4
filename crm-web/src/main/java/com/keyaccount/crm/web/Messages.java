package com.keyaccount.crm.web;

import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierNames;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessException;

/**
 * The UI's messages, as Spring Boot would set them up from {@code spring.messages}, with one
 * difference: a message with arguments is formatted on a copy of its cached pattern. Spring
 * formats on the shared one inside {@code synchronized}, so every page writing, say, "overdue since
 * … (n working days)" waited for every other: in a 50-user load run threads spent 360 s blocked
 * there (issue 20). A copy costs a few microseconds and is never contended. And the tiers are
 * called what the company calls them (issue 16).
 */
@Configuration(proxyBeanMethods = false)
class Messages {

    private static final String TIER_CODE = "tier.";
    private static final Map<String, Tier> TIERS = Arrays.stream(Tier.values())
            .collect(Collectors.toUnmodifiableMap(Tier::name, t -> t));

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource(MessageSourceProperties properties, ObjectProvider<TierNames> tierNames) {
        ResourceBundleMessageSource messages = new Unshared(tierNames);
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

    /**
     * Hands each caller its own copy of the cached format, and names the tiers as the ladder in
     * force does ({@code tier.A} is the company's name for its top tier, not a fixed text).
     */
    static final class Unshared extends ResourceBundleMessageSource {

        private final ObjectProvider<TierNames> tierNames;
        private volatile TierNames names;

        Unshared(ObjectProvider<TierNames> tierNames) {
            this.tierNames = tierNames;
        }

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            String tier = tierName(code, locale);
            return tier != null ? tier : super.resolveCodeWithoutArguments(code, locale);
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            String tier = tierName(code, locale);
            if (tier != null) {
                // quoted: a name with an apostrophe or a brace is shown as typed
                return new MessageFormat("'" + tier.replace("'", "''") + "'", locale);
            }
            MessageFormat shared = super.resolveCode(code, locale);
            return shared == null ? null : (MessageFormat) shared.clone();
        }

        /** The ladder's name for {@code tier.X}; {@code null} for other codes, or without a ladder. */
        private String tierName(String code, Locale locale) {
            if (code.length() != TIER_CODE.length() + 1 || !code.startsWith(TIER_CODE)) {
                return null;
            }
            Tier tier = TIERS.get(code.substring(TIER_CODE.length()));
            TierNames ladder = names != null ? names : (names = tierNames.getIfAvailable());
            if (tier == null || ladder == null) {
                return null;
            }
            try {
                return ladder.name(tier, locale);
            } catch (DataAccessException e) {
                // the database is away: the page says so elsewhere; the tier keeps its code's text
                return null;
            }
        }
    }
}
