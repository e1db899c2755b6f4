package com.keyaccount.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Files are judged by their content, never by their name: what is refused, what is kept, and that
 * a kept photo carries nothing of its metadata but the time taken, and that only in its row.
 */
class FileChecksTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final FileChecks checks = new FileChecks(new FileLimits(2 * 1024 * 1024, 3, 1600, 240),
            Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC), SHANGHAI);

    private PreparedFile one(String name, byte[] content, boolean keepTakenAt) {
        return checks.prepare(List.of(new IncomingFile(name, content)), keepTakenAt).get(0);
    }

    private static String refusal(Runnable check) {
        try {
            check.run();
            return "accepted";
        } catch (FileRefusedException refused) {
            return refused.code();
        }
    }

    @Test
    void a_png_renamed_to_pdf_is_refused_as_not_what_its_name_says() throws Exception {
        byte[] png = png();
        assertThat(refusal(() -> one("quotation.pdf", png, false))).isEqualTo("mismatch");
    }

    @Test
    void a_pdf_is_kept_as_it_came_with_its_type_from_the_content() {
        byte[] pdf = TestFiles.pdf();
        PreparedFile kept = one("报价单.pdf", pdf, false);
        assertThat(kept.contentType()).isEqualTo("application/pdf");
        assertThat(kept.content()).isEqualTo(pdf);
        assertThat(kept.thumbnail()).isNull();
        assertThat(kept.fileName()).isEqualTo("报价单.pdf");
        // a PDF with a name that says nothing is still a PDF
        assertThat(one("scan", pdf, false).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void a_program_is_refused_whatever_it_is_called() {
        assertThat(refusal(() -> one("setup.exe", TestFiles.exe(), false))).isEqualTo("notAllowed");
        assertThat(refusal(() -> one("invoice.pdf", TestFiles.exe(), false))).isEqualTo("notAllowed");
        assertThat(refusal(() -> one("photo.jpg", TestFiles.exe(), false))).isEqualTo("notAllowed");
    }

    @Test
    void office_documents_are_kept_but_a_plain_zip_called_docx_is_not() throws Exception {
        assertThat(one("合同.docx", TestFiles.docx(), false).contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        byte[] zip = zip();
        assertThat(refusal(() -> one("合同.docx", zip, false))).isEqualTo("mismatch");
        assertThat(refusal(() -> one("archive.zip", zip, false))).isEqualTo("notAllowed");
    }

    @Test
    void text_and_unknown_bytes_are_refused() {
        assertThat(refusal(() -> one("notes.txt", "hello".getBytes(), false))).isEqualTo("unknown");
        assertThat(refusal(() -> one("blob", new byte[] {0, 1, 2, 3, 4, 5}, false))).isEqualTo("unknown");
    }

    @Test
    void too_large_too_many_and_empty_files_are_refused_before_their_content_is_judged() {
        assertThat(refusal(() -> one("big.pdf", new byte[2 * 1024 * 1024 + 1], false))).isEqualTo("tooLarge");
        assertThat(refusal(() -> one("empty.pdf", new byte[0], false))).isEqualTo("empty");
        byte[] pdf = TestFiles.pdf();
        List<IncomingFile> four = List.of(new IncomingFile("1.pdf", pdf), new IncomingFile("2.pdf", pdf),
                new IncomingFile("3.pdf", pdf), new IncomingFile("4.pdf", pdf));
        assertThat(refusal(() -> checks.prepare(four, false))).isEqualTo("tooMany");
    }

    @Test
    void a_photo_with_gps_keeps_no_metadata_and_the_time_only_when_chosen() throws Exception {
        byte[] camera = TestFiles.cameraJpeg(800, 600, 1);
        assertThat(TestFiles.contains(camera, "Exif")).as("the test photo has EXIF").isTrue();
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(camera))
                .getFirstDirectoryOfType(GpsDirectory.class)).as("the test photo has GPS").isNotNull();

        PreparedFile kept = one("IMG_0001.jpg", camera, true);
        PreparedFile plain = one("IMG_0001.jpg", camera, false);

        for (PreparedFile file : List.of(kept, plain)) {
            assertThat(TestFiles.contains(file.content(), "Exif")).as("no EXIF segment left").isFalse();
            Metadata left = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file.content()));
            assertThat(left.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            assertThat(left.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).isNull();
            assertThat(TestFiles.contains(file.thumbnail(), "Exif")).isFalse();
            assertThat(file.contentType()).isEqualTo("image/jpeg");
        }
        // 10:32 on the camera's clock in Shanghai is 02:32 UTC
        assertThat(kept.takenAt()).isEqualTo(Instant.parse("2026-05-04T02:32:00Z"));
        assertThat(plain.takenAt()).isNull();
    }

    @Test
    void a_large_photo_is_shrunk_to_the_long_edge_and_gets_a_thumbnail() throws Exception {
        PreparedFile kept = one("wide.png", TestFiles.png(4000, 1000), false);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(kept.content()));
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(kept.thumbnail()));
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(thumbnail.getWidth()).isEqualTo(240);
        assertThat(thumbnail.getHeight()).isEqualTo(60);
        // a PNG without transparency is kept as a JPEG, and named so
        assertThat(kept.contentType()).isEqualTo("image/jpeg");
        assertThat(kept.fileName()).isEqualTo("wide.jpg");
    }

    @Test
    void a_photo_taken_sideways_is_stood_upright() throws Exception {
        PreparedFile kept = one("portrait.jpg", TestFiles.cameraJpeg(800, 600, 6), false);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(kept.content()));
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(800);
    }

    @Test
    void a_broken_image_is_refused() throws Exception {
        byte[] jpeg = TestFiles.jpeg(200, 200);
        byte[] cut = java.util.Arrays.copyOf(jpeg, 40);
        assertThat(refusal(() -> one("broken.jpg", cut, false))).isEqualTo("notAnImage");
    }

    @Test
    void a_name_loses_its_folders_and_control_characters() {
        assertThat(one("C:\\Users\\zhang\\报价\u0007单.pdf", TestFiles.pdf(), false).fileName()).isEqualTo("报价单.pdf");
        assertThat(one("../../etc/\"x\".pdf", TestFiles.pdf(), false).fileName()).isEqualTo("x.pdf");
    }

    private static byte[] png() throws Exception {
        return TestFiles.png(64, 64);
    }

    private static byte[] zip() throws Exception {
        return TestFiles.zip("readme.txt");
    }
}
