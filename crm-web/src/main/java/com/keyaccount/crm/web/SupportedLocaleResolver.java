package com.keyaccount.crm.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Remembers the language chosen with the switcher in a cookie, but only ever as one of the
 * languages the UI has: Chinese for any Chinese variant, English for anything else.
 */
class SupportedLocaleResolver extends CookieLocaleResolver {

    SupportedLocaleResolver(String cookieName) {
        super(cookieName);
    }

    static Locale supported(Locale requested) {
        return "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    @Override
    protected Locale parseLocaleValue(String value) {
        Locale parsed = super.parseLocaleValue(value);
        return parsed == null ? null : supported(parsed);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, locale == null ? null : supported(locale));
    }
}
