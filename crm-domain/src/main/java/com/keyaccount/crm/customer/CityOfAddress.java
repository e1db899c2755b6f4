package com.keyaccount.crm.customer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city a customer is in, read from its address as Chinese addresses are written, largest
 * unit first: 江苏省南京市鼓楼区… → 南京, 上海市浦东新区… → 上海, 广西壮族自治区南宁市… → 南宁. The
 * book keeps no city of its own; My day filters by this one (stored beside the schedule).
 * An address that names no city (no 市, and not one of the four municipalities) gives none.
 */
public final class CityOfAddress {

    /** Wide enough for 乌鲁木齐 or 呼和浩特; a longer run before 市 is a street name, not a city. */
    static final int MAX_LENGTH = 8;

    /** An optional province (…省, …自治区) and then the shortest run of characters before 市. */
    private static final Pattern CITY = Pattern.compile("^(?:[^省市区]{1,10}?(?:省|自治区))?([^省市区县路街号]{1,"
            + MAX_LENGTH + "}?)市");
    /** The municipalities, also written without 市 (北京朝阳区…). */
    private static final Pattern MUNICIPALITY = Pattern.compile("^(北京|上海|天津|重庆)");

    private CityOfAddress() {
    }

    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String text = address.strip();
        Matcher city = CITY.matcher(text);
        if (city.find()) {
            return city.group(1);
        }
        Matcher municipality = MUNICIPALITY.matcher(text);
        return municipality.find() ? municipality.group(1) : null;
    }
}
