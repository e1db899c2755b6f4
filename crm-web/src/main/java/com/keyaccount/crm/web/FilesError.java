package com.keyaccount.crm.web;

/**
 * What the file field says is wrong: a message code (files.refused.*) and its arguments. Serializable:
 * it travels as a flash attribute in the session store.
 */
public record FilesError(String code, Object[] args) implements java.io.Serializable {

    /** The whole form was larger than the limits let be read; nothing of it was. */
    public static FilesError tooLargeRequest() {
        return new FilesError("files.refused.requestTooLarge", new Object[0]);
    }

    /** The file store did not take the files; nothing was written. */
    public static FilesError storeDown() {
        return new FilesError("files.refused.storeDown", new Object[0]);
    }

    public static FilesError noFile() {
        return new FilesError("files.refused.none", new Object[0]);
    }
}
