package com.keyaccount.crm.followup.web;

import com.keyaccount.crm.web.BackToMyDay;
import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links between My day's pages with the filters in force, as context-relative paths for
 * {@code @{${links.day()}}}: a parameter is there only when it is set, so a manager's own links
 * read {@code /my-day/overdue}, not {@code /my-day/overdue?manager&tier&city}.
 *
 * @param manager the manager whose day it is, for a director or admin; null for a manager's own
 */
public record MyDayLinks(Long manager, String tier, String city) {

    public String day() {
        return BackToMyDay.location(manager, tier, city);
    }

    /** My day without the filters (the same manager's). */
    public String unfiltered() {
        return BackToMyDay.location(manager, null, null);
    }

    /** "Show all" of a section: overdue, today or week. */
    public String section(Object bucket) {
        return path("/my-day/" + bucket.toString().toLowerCase(Locale.ROOT), null);
    }

    public String sectionPage(Object bucket, int page) {
        return path("/my-day/" + bucket.toString().toLowerCase(Locale.ROOT), page);
    }

    /** The week view. */
    public String week() {
        return path("/my-day/calendar", null);
    }

    private String path(String base, Integer page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
        if (manager != null) {
            uri.queryParam("manager", manager);
        }
        if (tier != null) {
            uri.queryParam("tier", tier);
        }
        if (city != null) {
            uri.queryParam("city", city);
        }
        if (page != null && page > 0) {
            uri.queryParam("page", page);
        }
        return uri.build().encode().toUriString();
    }
}
