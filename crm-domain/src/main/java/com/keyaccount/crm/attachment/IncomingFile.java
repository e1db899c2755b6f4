package com.keyaccount.crm.attachment;

/**
 * A file as it arrived: the name the device gave it and its bytes. What the browser said its type
 * was is not kept: the content decides.
 */
public record IncomingFile(String name, byte[] content) {
}
