package com.keyaccount.crm.importing;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * A file whose header names its columns by their labels, in Chinese or English ("客户编码",
 * "Customer code"), as an export writes them, read as if it named them by code ("code"). The
 * labels are the exports' {@code export.column.<code>} messages, so whatever language a file was
 * exported in, it imports again; a header already in codes reads as before.
 */
public final class LabelledColumns implements LineSource {

    private static final String PREFIX = "export.column.";

    private final LineSource source;
    private final Map<String, String> codeByLabel;

    private LabelledColumns(LineSource source, Map<String, String> codeByLabel) {
        this.source = source;
        this.codeByLabel = codeByLabel;
    }

    /**
     * The file, with the labels of these columns, in both languages, read as their codes; also
     * {@code otherNames} (header → code), the words people's own sheets head a column with
     * besides our label.
     */
    public static LineSource of(LineSource source, Collection<String> columns, Map<String, String> otherNames,
            MessageSource messages) {
        Map<String, String> codeByLabel = new HashMap<>();
        for (String code : columns) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String label = messages.getMessage(PREFIX + code, null, null, locale);
                if (label != null) {
                    codeByLabel.putIfAbsent(normalised(label), code);
                }
            }
        }
        otherNames.forEach((name, code) -> codeByLabel.putIfAbsent(normalised(name), code));
        return new LabelledColumns(source, codeByLabel);
    }

    /** As the file formats hand header names over: trimmed, lower case. */
    private static String normalised(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public TabularFile open() throws IOException {
        TabularFile file = source.open();
        return new TabularFile() {
            @Override
            public String charset() {
                return file.charset();
            }

            @Override
            public List<String> header() throws IOException {
                return file.header().stream().map(name -> codeByLabel.getOrDefault(normalised(name), name)).toList();
            }

            @Override
            public Line next() throws IOException {
                return file.next();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }

    @Override
    public void discard() {
        source.discard();
    }

    @Override
    public String location() {
        return source.location();
    }
}
