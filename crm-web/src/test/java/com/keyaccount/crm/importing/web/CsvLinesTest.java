package com.keyaccount.crm.importing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.importing.TabularFile;
import com.keyaccount.crm.importing.TabularFile.Line;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV adapter on its own: files as Excel on Chinese Windows saves them, turned into header and lines. */
class CsvLinesTest {

    @TempDir
    Path dir;

    @Test
    void utf8_with_bom_has_its_header_normalised_and_its_lines_numbered_from_the_header() throws IOException {
        Upload upload = upload("\uFEFFCode , NAME\r\nC1,甲公司\r\n\r\nC2,\"乙, 公司\"\r\n", StandardCharsets.UTF_8);
        try (TabularFile file = upload.open()) {
            assertThat(file.charset()).isEqualTo("UTF-8");
            assertThat(file.header()).containsExactly("code", "name");
            assertThat(lines(file)).containsExactly(new Line(2, List.of("C1", "甲公司")),
                    new Line(3, List.of("C2", "乙, 公司")));
        }
    }

    @Test
    void gb18030_is_detected_and_tabs_separate_when_the_header_has_more_tabs_than_commas() throws IOException {
        Upload upload = upload("code\tname\nC1\t北京,朝阳\nC2\n", Charset.forName("GB18030"));
        try (TabularFile file = upload.open()) {
            assertThat(file.charset()).isEqualTo("GB18030");
            assertThat(file.header()).containsExactly("code", "name");
            assertThat(lines(file)).containsExactly(new Line(2, List.of("C1", "北京,朝阳")), new Line(3, List.of("C2")));
        }
    }

    @Test
    void discarding_the_upload_deletes_the_saved_copy() throws IOException {
        Upload upload = upload("code\n", StandardCharsets.UTF_8);
        upload.discard();
        assertThat(upload.saved()).doesNotExist();
    }

    private Upload upload(String text, Charset charset) throws IOException {
        Path saved = Files.createTempFile(dir, "upload-", ".csv");
        Files.writeString(saved, text, charset);
        return new Upload(saved, "upload.csv");
    }

    private static List<Line> lines(TabularFile file) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (Line line = file.next(); line != null; line = file.next()) {
            lines.add(line);
        }
        return lines;
    }
}
