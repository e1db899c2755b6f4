package com.keyaccount.crm.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Just enough reading of rendered pages for assertions about form fields. */
public final class Html {

    private static final Pattern ERROR_PARAGRAPH = Pattern.compile("\\s*<p class=\"(?:[^\"]* )?field-error\">(.*?)</p>",
            Pattern.DOTALL);

    private Html() {
    }

    /** The value shown in the input with this id. */
    public static String inputValue(String html, String id) {
        Matcher input = Pattern.compile("<input\\b[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(html);
        if (!input.find()) {
            throw new AssertionError("no input #" + id);
        }
        Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : null;
    }

    /** The text of the textarea with this id. */
    public static String textareaText(String html, String id) {
        Matcher textarea = Pattern.compile("<textarea\\b[^>]*\\bid=\"" + id + "\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
                .matcher(html);
        if (!textarea.find()) {
            throw new AssertionError("no textarea #" + id);
        }
        return HtmlUtils.htmlUnescape(textarea.group(1));
    }

    /**
     * The error shown right after the form control with this id (a {@code p.field-error} that
     * directly follows it), or null if the control has none.
     */
    public static String errorBeside(String html, String id) {
        Matcher control = Pattern.compile("<(input|select|textarea)\\b[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(html);
        if (!control.find()) {
            throw new AssertionError("no form control #" + id);
        }
        int end = control.end();
        if (!control.group(1).equals("input")) {
            end = html.indexOf("</" + control.group(1) + ">", end) + control.group(1).length() + 3;
        }
        Matcher error = ERROR_PARAGRAPH.matcher(html).region(end, html.length());
        return error.lookingAt() ? HtmlUtils.htmlUnescape(error.group(1)) : null;
    }
}
