package com.keyaccount.crm.web;

import com.keyaccount.crm.shared.ControlCharacters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Forms opened from My day carry {@code back=my-day} so that saving returns there. Only this one
 * known value is honoured, never a URL from the request: no open redirect. Forms on My day itself
 * also carry its filters (manager, tier, city), which the way back keeps as query parameters of
 * the fixed path.
 */
public final class BackToMyDay {

    public static final String PARAM_VALUE = "my-day";
    /** The widest city a filter names ({@code follow_up.city}). */
    public static final int CITY_LENGTH = 40;

    private BackToMyDay() {
    }

    public static boolean requested(String back) {
        return PARAM_VALUE.equals(back);
    }

    /** My day with these filters; a filter that is not one My day knows is left out. */
    public static String location(Long manager, String tier, String city) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/my-day");
        if (manager != null) {
            uri.queryParam("manager", manager);
        }
        String knownTier = tier(tier);
        if (knownTier != null) {
            uri.queryParam("tier", knownTier);
        }
        String knownCity = city(city);
        if (knownCity != null) {
            uri.queryParam("city", knownCity);
        }
        return uri.build().encode().toUriString();
    }

    /** The tier filter as My day takes it: A, B or C, else none. */
    public static String tier(String tier) {
        return tier != null && tier.matches("[ABC]") ? tier : null;
    }

    /** The city filter as My day takes it: trimmed, without control characters, not too long, else none. */
    public static String city(String city) {
        String text = FormText.blankToNull(ControlCharacters.removedFrom(city));
        return text == null || text.length() > CITY_LENGTH ? null : text;
    }
}
