package com.keyaccount.crm.customer.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;

/**
 * An enum value as a file may hold it: its code ({@code MANUFACTURING}) or its label in either
 * language (制造业 / Manufacturing), so exports re-import and people can type what they see.
 */
final class Labels<E extends Enum<E>> {

    private final Map<String, E> byText = new HashMap<>();

    Labels(Class<E> type, String messagePrefix, MessageSource messages) {
        for (E value : type.getEnumConstants()) {
            byText.put(key(value.name()), value);
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String label = messages.getMessage(messagePrefix + value.name(), null, null, locale);
                if (label != null) {
                    byText.putIfAbsent(key(label), value);
                }
            }
        }
    }

    /** Also reads these words (text → value), unless a code or label already means something by them. */
    Labels<E> alsoReading(Map<String, E> words) {
        words.forEach((text, value) -> byText.putIfAbsent(key(text), value));
        return this;
    }

    Optional<E> find(String text) {
        return Optional.ofNullable(byText.get(key(text)));
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
