package com.keyaccount.crm.followup.web.admin;

import com.keyaccount.crm.followup.application.CalendarDay;
import com.keyaccount.crm.followup.rules.CalendarDayRules;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.web.PlainText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import lombok.Getter;
import lombok.Setter;

/**
 * One day to add to (or change in) the draft calendar, as typed. {@code replacing} is the date
 * of the day being changed; empty when adding, and then the date must not be in the calendar yet.
 */
@Getter
@Setter
public class CalendarDayForm {

    static final int NAME_ZH_LENGTH = 40;
    static final int NAME_EN_LENGTH = 60;

    private String date = "";
    private String kind = "HOLIDAY";
    private String nameZh = "";
    private String nameEn = "";
    private boolean provisional;
    private String replacing = "";

    private final Map<String, FieldMessage> errors = new HashMap<>();
    private boolean weekendHoliday;

    static CalendarDayForm of(CalendarDay day) {
        CalendarDayForm form = new CalendarDayForm();
        form.date = day.day().toString();
        form.kind = day.kind().name();
        form.nameZh = day.nameZh();
        form.nameEn = day.nameEn();
        form.provisional = day.provisional();
        form.replacing = day.day().toString();
        return form;
    }

    /**
     * Checks the fields; {@code existing} finds the day the draft calendar has on a date.
     * Returns the day when there are no errors.
     */
    Optional<CalendarDay> check(java.util.function.Function<LocalDate, Optional<CalendarDay>> existing) {
        LocalDate day = null;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            errors.put("date", FieldMessage.of("calendar.error.date"));
        }
        CalendarDay.Kind dayKind = "WORKDAY".equals(kind) ? CalendarDay.Kind.WORKDAY
                : "HOLIDAY".equals(kind) ? CalendarDay.Kind.HOLIDAY : null;
        if (dayKind == null) {
            errors.put("kind", FieldMessage.of("calendar.error.kind"));
        }
        name("nameZh", nameZh, NAME_ZH_LENGTH);
        name("nameEn", nameEn, NAME_EN_LENGTH);
        if (day != null && !day.toString().equals(replacing.strip())) {
            LocalDate taken = day;
            existing.apply(day).ifPresent(d -> errors.put("date", new FieldMessage("calendar.error.duplicate",
                    taken.toString(), d.nameZh() + " / " + d.nameEn())));
        }
        if (day != null && dayKind != null) {
            boolean holiday = dayKind == CalendarDay.Kind.HOLIDAY;
            CalendarDayRules.violations(day, holiday).forEach(v -> errors.put(v.path(),
                    FieldMessage.of("calendar.error." + v.code())));
            weekendHoliday = !CalendarDayRules.warnings(day, holiday).isEmpty();
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CalendarDay(day, dayKind, nameZh.strip(), nameEn.strip(), provisional));
    }

    private void name(String field, String value, int length) {
        if (value == null || value.isBlank()) {
            errors.put(field, FieldMessage.of("calendar.error.name.required"));
        } else if (value.strip().length() > length) {
            errors.put(field, new FieldMessage("calendar.error.name.tooLong", length, null));
        } else if (!ControlCharacters.absentFrom(value, false)) {
            errors.put(field, FieldMessage.of(PlainText.CODE));
        }
    }

    public FieldMessage error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean isChange() {
        return replacing != null && !replacing.isBlank();
    }
}
