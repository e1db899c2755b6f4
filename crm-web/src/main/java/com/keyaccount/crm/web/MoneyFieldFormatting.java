package com.keyaccount.crm.web;

import com.keyaccount.crm.shared.MoneyText;
import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.Parser;
import org.springframework.format.Printer;

/** Binds {@link MoneyField}s with the one money reader forms, imports and the API share. */
final class MoneyFieldFormatting implements AnnotationFormatterFactory<MoneyField> {

    private static final Formatter<BigDecimal> MONEY = new Formatter<>() {
        @Override
        public BigDecimal parse(String text, Locale locale) throws ParseException {
            return MoneyText.parse(text).orElseThrow(() -> new ParseException(text, 0));
        }

        @Override
        public String print(BigDecimal value, Locale locale) {
            // grouped, as typed and as the pages show figures; read back by parse
            return String.format(Locale.ROOT, "%,." + Math.max(0, Math.min(2, value.stripTrailingZeros().scale()))
                    + "f", value);
        }
    };

    @Override
    public Set<Class<?>> getFieldTypes() {
        return Set.of(BigDecimal.class);
    }

    @Override
    public Printer<?> getPrinter(MoneyField annotation, Class<?> fieldType) {
        return MONEY;
    }

    @Override
    public Parser<?> getParser(MoneyField annotation, Class<?> fieldType) {
        return MONEY;
    }
}
