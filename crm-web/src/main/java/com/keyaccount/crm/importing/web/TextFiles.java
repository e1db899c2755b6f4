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
 * How a CSV file was saved: UTF-8 (with or without BOM) or, when it is not valid UTF-8, GB18030
 * (a superset of GBK, what Excel on Chinese Windows writes); comma or tab separated.
 */
final class TextFiles {

    static final Charset GB18030 = Charset.forName("GB18030");

    private TextFiles() {
    }

    /** Reads the whole file once, streaming: a file is UTF-8 only if every byte sequence is. */
    static Charset detect(Path file) throws IOException {
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
