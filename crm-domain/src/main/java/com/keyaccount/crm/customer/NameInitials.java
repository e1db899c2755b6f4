package com.keyaccount.crm.customer;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * The pinyin initials of a company name, as people type it to find one: 南京嘉禾农业科技有限公司 →
 * "njjhnykjyxgs". Each Chinese character gives the first letter of its common reading; Latin
 * letters and digits stay (lower case); spaces and punctuation are dropped. Stored beside the
 * name ({@code customer.name_initials}) so the search box can look it up at 100k customers.
 */
final class NameInitials {

    /**
     * Place names and company words where a character's common reading (pinyin4j's first) is not
     * the one used: 重庆 is chongqing, not zhongqing; 银行 is yinhang, not yinxing.
     */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("重庆", "cq"), Map.entry("长沙", "cs"), Map.entry("长春", "cc"), Map.entry("长安", "ca"),
            Map.entry("长城", "cc"), Map.entry("长江", "cj"), Map.entry("长治", "cz"), Map.entry("长兴", "cx"),
            Map.entry("厦门", "xm"), Map.entry("六安", "la"), Map.entry("蚌埠", "bb"), Map.entry("乐清", "yq"),
            Map.entry("银行", "yh"), Map.entry("商行", "sh"), Map.entry("车行", "ch"), Map.entry("分行", "fh"),
            Map.entry("支行", "zh"), Map.entry("行业", "hy"));

    /** The column's width: a name of 200 characters could grow under NFKC (㈱ → (株)). */
    static final int MAX_LENGTH = 400;

    /** What the search box compares with initials: letters and digits only, at least two. */
    private static final Pattern QUERY = Pattern.compile("[a-z0-9]{2,}");

    private NameInitials() {
    }

    static String of(String name) {
        if (name == null) {
            return null;
        }
        // NFKC turns full-width letters and digits (ＡＢＣ１２, typed with a Chinese input method) into ASCII
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder initials = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            String phrase = i + 2 <= text.length() ? PHRASES.get(text.substring(i, i + 2)) : null;
            if (phrase != null) {
                initials.append(phrase);
                i += 2;
                continue;
            }
            char c = text.charAt(i++);
            if (c < 128) {
                if (Character.isLetterOrDigit(c)) {
                    initials.append(Character.toLowerCase(c));
                }
                continue;
            }
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
            if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                initials.append(readings[0].charAt(0));
            }
        }
        return initials.length() > MAX_LENGTH ? initials.substring(0, MAX_LENGTH) : initials.toString();
    }

    /** Whether a search term (already lower case) could be initials: "njjh" yes, "南京" or "a" no. */
    static boolean couldBe(String term) {
        return QUERY.matcher(term).matches();
    }
}
