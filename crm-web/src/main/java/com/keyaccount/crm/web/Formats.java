package com.keyaccount.crm.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money and dates as templates show them ({@code ${@fmt.money(x)}}): amounts in yuan with
 * grouping and two decimals (¥1,234,567.00 in zh-CN), dates as 2026-11-22 and times in the
 * business time zone, whatever the server's zone.
 */
@Component("fmt")
public class Formats {

    private static final Currency YUAN = Currency.getInstance("CNY");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    public Formats(ZoneId businessZone) {
        this.zone = businessZone;
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(YUAN);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /** Whole yuan (¥136,469,153), for a figure read at a glance on a card; the exact amount goes beside it. */
    public String wholeMoney(BigDecimal amount) {
        return amount == null ? "" : money(amount.setScale(0, RoundingMode.HALF_UP)).replaceAll("[.,]00$", "");
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(locale()).format(value);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** The time of day in the business time zone (14:30), for what happened today (a check-in). */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
