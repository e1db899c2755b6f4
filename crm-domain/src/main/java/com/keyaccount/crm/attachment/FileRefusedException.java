package com.keyaccount.crm.attachment;

import java.util.List;

/**
 * An upload the application will not keep: too large, too many, not what it says it is, or of a
 * kind not allowed. {@link #code()} names the message (under {@code files.refused.}), shown beside
 * the file field; nothing was stored.
 */
public class FileRefusedException extends RuntimeException {

    private final String code;
    private final transient List<Object> args;

    public FileRefusedException(String code, Object... args) {
        super("file refused: " + code);
        this.code = code;
        this.args = List.of(args);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.toArray();
    }
}
