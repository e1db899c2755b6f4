package com.keyaccount.crm.attachment;

import java.nio.charset.StandardCharsets;

/**
 * A Content-Disposition header that no file name can break: an ASCII stand-in in {@code filename}
 * and the real name percent-encoded in {@code filename*} (RFC 6266 / RFC 5987), so 报价单.pdf downloads
 * as 报价单.pdf and a quote or line break in a name cannot add a header.
 */
public final class ContentDispositions {

    private ContentDispositions() {
    }

    public static String of(boolean inline, String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + encode(fileName);
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
