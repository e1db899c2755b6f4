package com.keyaccount.crm.attachment;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Keys of stored files: 128 random bits under a folder per kind, never derived from a name or an
 * id, so nothing can be guessed and no name can climb out of the store's folder.
 */
public final class StorageKeys {

    /** What every key looks like; stores refuse anything else. */
    public static final Pattern FORM = Pattern.compile("(files|thumbs)/[0-9a-f]{32}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private StorageKeys() {
    }

    static String newFileKey() {
        return "files/" + random();
    }

    static String newThumbnailKey() {
        return "thumbs/" + random();
    }

    /** Refuses a key that is not of the {@link #FORM}. */
    public static String checked(String key) {
        if (key == null || !FORM.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return key;
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
