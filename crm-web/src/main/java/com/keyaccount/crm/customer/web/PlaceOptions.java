package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.ChinaDivisions;
import com.keyaccount.crm.customer.Division;
import java.util.List;
import java.util.Locale;

/**
 * The province and city choices of a customer's place, named for one language and made once for
 * each (Chinese, English). The selects list every province and prefecture-level city, about 400
 * choices; a template asking the national list for each name spent a sixth of an empty customer
 * list's time in those calls.
 */
record PlaceOptions(List<Option> provinces, List<Group> cityGroups) {

    private static final PlaceOptions CHINESE = of(ChinaDivisions.get(), Locale.CHINESE);
    private static final PlaceOptions ENGLISH = of(ChinaDivisions.get(), Locale.ENGLISH);

    record Option(String code, String label) {
    }

    /** A province that has cities, with them. */
    record Group(String code, String label, List<Option> cities) {
    }

    static PlaceOptions in(Locale locale) {
        // Division names are Chinese or English: every other language reads the English ones
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    private static PlaceOptions of(ChinaDivisions divisions, Locale language) {
        List<Option> provinces = divisions.provinces().stream().map(p -> option(p, language)).toList();
        List<Group> groups = divisions.provinces().stream()
                .filter(p -> !divisions.citiesOf(p.code()).isEmpty())
                .map(p -> new Group(p.code(), p.nameIn(language),
                        divisions.citiesOf(p.code()).stream().map(c -> option(c, language)).toList()))
                .toList();
        return new PlaceOptions(provinces, groups);
    }

    private static Option option(Division division, Locale language) {
        return new Option(division.code(), division.nameIn(language));
    }
}
