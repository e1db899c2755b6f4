package com.keyaccount.crm.shared;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money as people type it and as ERPs and spreadsheets write it — {@code 12500000},
 * {@code 12,500,000.00}, {@code ¥1,234.50}, {@code -¥99}, {@code 1250万}, {@code 3.5 万元} — read
 * the same way by forms, imports and the API, so a figure accepted in one is accepted in all.
 * The result has at most two decimals (fen); anything finer, or anything else, is not money.
 */
public final class MoneyText {

    private static final Pattern MONEY = Pattern.compile(
            "(-?)[¥￥]?(-?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(万)?元?");

    /** Spaces anywhere: thin, no-break and full-width too. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2009\\u202F\\u3000]");

    /** Longer than any amount the database holds, however it is written. */
    private static final int LONGEST = 48;

    private MoneyText() {
    }

    /** Only what the pattern reads as it is (an import reads a million of these): nothing to normalise. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == ',' || c == '.' || c == '-' || c == '¥')) {
                return false;
            }
        }
        return true;
    }

    /** Without spaces, full-width digits, comma, point and minus made half-width. */
    private static CharSequence halfWidth(String text) {
        String s = SPACES.matcher(text).replaceAll("").replace('，', ',').replace('．', '.').replace('－', '-');
        StringBuilder halfWidth = new StringBuilder(s.length());
        s.codePoints().map(c -> c >= '０' && c <= '９' ? c - '０' + '0' : c).forEach(halfWidth::appendCodePoint);
        return halfWidth;
    }

    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.length() > LONGEST) {
            return Optional.empty();
        }
        Matcher m = MONEY.matcher(plain(text) ? text : halfWidth(text));
        if (!m.matches() || (!m.group(1).isEmpty() && !m.group(2).isEmpty())) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(m.group(3).replace(",", "") + (m.group(4) == null ? "" : m.group(4)));
        if (m.group(5) != null) {
            value = value.movePointRight(4);
        }
        value = value.stripTrailingZeros();
        if (value.scale() > 2) {
            return Optional.empty();
        }
        value = value.setScale(Math.max(0, value.scale()));
        boolean negative = !m.group(1).isEmpty() || !m.group(2).isEmpty();
        return Optional.of(negative ? value.negate() : value);
    }
}
