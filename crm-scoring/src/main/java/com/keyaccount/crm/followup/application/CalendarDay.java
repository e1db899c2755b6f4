package com.keyaccount.crm.followup.application;

import java.time.LocalDate;
import java.util.Locale;

/** A holiday or make-up working day, named in Chinese and English. */
public record CalendarDay(LocalDate day, Kind kind, String nameZh, String nameEn, boolean provisional) {

    public enum Kind {
        HOLIDAY,
        WORKDAY
    }

    public String name(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
