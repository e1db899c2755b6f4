package com.keyaccount.crm.importing.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a CSV file was saved: UTF-16 when it starts with a UTF-16 byte order mark (Excel's
 * "Unicode text", tab separated), else UTF-8 (with or without BOM) or, when it is not valid UTF-8,
 * GB18030 (a superset of GBK, what Excel on Chinese Windows writes); comma or tab separated.
 */
final class TextFiles {

    static final Charset GB18030 = Charset.forName("GB18030");

    private TextFiles() {
    }

    /** Reads the whole file once, streaming: a file is UTF-8 only if every byte sequence is. */
    static Charset detect(Path file) throws IOException {
        Charset utf16 = utf16(file);
        if (utf16 != null) {
            return utf16;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] chunk = new byte[32 * 1024];
            int read;
            while ((read = stream.read(chunk)) != -1) {
                in.put(chunk, 0, read);
                in.flip();
                if (decode(utf8, in, out, false)) {
                    return GB18030;
                }
                in.compact();
                out.clear();
            }
            in.flip();
            return decode(utf8, in, out, true) ? GB18030 : StandardCharsets.UTF_8;
        }
    }

    /**
     * UTF-16 little endian (what Excel's "Unicode text" writes) or big endian, by its byte order
     * mark; null without one. Without the mark nothing tells UTF-16 apart reliably, and no
     * spreadsheet program writes it so. The mark itself is read as U+FEFF before the first
     * column name, which {@link CsvLines#normalise} removes like UTF-8's.
     */
    private static Charset utf16(Path file) throws IOException {
        byte[] start = new byte[2];
        try (InputStream stream = Files.newInputStream(file)) {
            if (stream.readNBytes(start, 0, 2) < 2) {
                return null;
            }
        }
        if (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Returns whether the bytes are malformed for the decoder. */
    private static boolean decode(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean end) {
        CoderResult result = decoder.decode(in, out, end);
        if (result.isError()) {
            return true;
        }
        if (end) {
            return decoder.flush(out).isError();
        }
        return false;
    }

    /** Tab when the header has more tabs than commas, else comma. */
    static char delimiter(Path file, Charset charset) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            String header = reader.readLine();
            if (header == null) {
                return ',';
            }
            long tabs = header.chars().filter(c -> c == '\t').count();
            long commas = header.chars().filter(c -> c == ',').count();
            return tabs > commas ? '\t' : ',';
        } catch (CharacterCodingException e) {
            return ',';
        }
    }
}
