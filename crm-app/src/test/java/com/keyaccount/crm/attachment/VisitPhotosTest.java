package com.keyaccount.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A visit logged with its photos, as an account manager does it from the log form: the log and the
 * photos are kept together, the photo without its metadata, a thumbnail on the timeline; a bad or
 * too large file brings the form back with what was typed and nothing written; a resubmitted form
 * keeps nothing twice.
 */
@FullStackTest
class VisitPhotosTest {

    static final Path STORE = Path.of("target", "test-files");

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    VisitPhotosTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void a_visit_logged_with_a_photo_shows_its_thumbnail_and_the_photo_keeps_no_gps() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("拜访照片"));
        byte[] photo = TestPhotos.withGps(1200, 900);
        assertThat(TestPhotos.contains(photo, "Exif")).isTrue();

        MockHttpServletResponse saved = log(manager, customer, "货架陈列拍照", UUID.randomUUID().toString(), true,
                file("IMG_2041.jpg", photo), file("报价单.pdf", pdf()));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/customers/" + customer.getId() + "#timeline");

        long logId = jdbc.queryForObject("SELECT id FROM contact_log WHERE customer_id = ?", Long.class, customer.getId());
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, file_name, content_type, contact_log_id, "
                + "thumbnail_key, taken_at, size_bytes FROM attachment WHERE customer_id = ? ORDER BY id", customer.getId());
        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(r -> assertThat(((Number) r.get("contact_log_id")).longValue()).isEqualTo(logId));
        Map<String, Object> image = rows.get(0);
        assertThat(image.get("file_name")).isEqualTo("IMG_2041.jpg");
        assertThat(image.get("content_type")).isEqualTo("image/jpeg");
        assertThat(image.get("taken_at")).as("the time taken, kept as the user chose").isNotNull();
        assertThat(rows.get(1).get("content_type")).isEqualTo("application/pdf");
        assertThat(rows.get(1).get("thumbnail_key")).isNull();
        long imageId = ((Number) image.get("id")).longValue();

        // the page shows the thumbnail on the visit, and each file opens
        String page = mvc.perform(get("/customers/{id}", customer.getId()).with(user(Fixtures.principal(manager))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/files/" + imageId + "/thumbnail", "报价单.pdf");

        MockHttpServletResponse full = download("/files/" + imageId, manager);
        assertThat(full.getStatus()).isEqualTo(200);
        assertThat(full.getContentType()).isEqualTo("image/jpeg");
        assertThat(full.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(full.getHeader("Content-Disposition")).startsWith("inline; filename=\"IMG_2041.jpg\"");
        byte[] stored = full.getContentAsByteArray();
        assertThat(TestPhotos.contains(stored, "Exif")).as("EXIF left in the stored photo").isFalse();
        assertThat(TestPhotos.contains(stored, "GPS")).isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(1200);

        MockHttpServletResponse thumbnail = download("/files/" + imageId + "/thumbnail", manager);
        assertThat(thumbnail.getStatus()).isEqualTo(200);
        assertThat(thumbnail.getContentType()).isEqualTo("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.getContentAsByteArray())).getWidth()).isEqualTo(240);

        MockHttpServletResponse pdf = download("/files/" + rows.get(1).get("id"), manager);
        assertThat(pdf.getHeader("Content-Disposition"))
                .isEqualTo("inline; filename=\"___.pdf\"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf");
        assertThat(pdf.getContentAsByteArray()).isEqualTo(pdf());
        assertThat(download("/files/" + rows.get(1).get("id") + "/thumbnail", manager).getStatus())
                .as("a PDF has no thumbnail").isEqualTo(404);
    }

    @Test
    void a_png_called_pdf_brings_the_form_back_with_the_text_kept_and_nothing_written() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("坏文件"));
        Set<Path> before = storedFiles();

        MockHttpServletResponse answer = log(manager, customer, "谈了新的报价", UUID.randomUUID().toString(), true,
                file("报价.pdf", TestPhotos.png(50, 50)));

        assertThat(answer.getStatus()).isEqualTo(200);
        String form = answer.getContentAsString();
        assertThat(form).contains("id=\"files-error\"", "报价.pdf 的内容与文件名所示类型不符", "谈了新的报价");
        assertThat(count("contact_log", customer)).isZero();
        assertThat(count("attachment", customer)).isZero();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void a_file_over_the_limit_is_refused_beside_the_field_and_a_form_too_large_to_read_goes_back_to_it()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("太大"));
        byte[] eleven = new byte[11 * 1024 * 1024];
        System.arraycopy(pdf(), 0, eleven, 0, pdf().length);

        MockHttpServletResponse answer = log(manager, customer, "大文件", UUID.randomUUID().toString(), false,
                file("图纸.pdf", eleven));
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString()).contains("图纸.pdf 超过 10 MB，未保存任何内容。", "大文件");
        assertThat(count("contact_log", customer)).isZero();

        // a whole form past the limit is not read at all: the request limits send it back to the form
        // (crm-web AttachmentBodyLimitTest), which says why beside the file field
        assertThat(mvc.perform(get("/customers/{id}/logs/new?filesTooLarge=1", customer.getId())
                .with(user(Fixtures.principal(manager))).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString()).contains("id=\"files-error\"", "The files together were larger than one form may send");
        assertThat(count("contact_log", customer)).isZero();
    }

    @Test
    void a_resubmitted_form_with_its_photos_keeps_one_log_and_one_copy_of_each_photo() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("重复提交"));
        String token = UUID.randomUUID().toString();
        byte[] photo = TestPhotos.withGps(300, 200);

        log(manager, customer, "第一次", token, false, file("a.jpg", photo));
        Set<Path> afterFirst = storedFiles();
        MockHttpServletResponse again = log(manager, customer, "第一次", token, false, file("a.jpg", photo));

        assertThat(again.getStatus()).isEqualTo(302);
        assertThat(count("contact_log", customer)).isEqualTo(1);
        assertThat(count("attachment", customer)).isEqualTo(1);
        assertThat(storedFiles()).as("the resubmission's copies are not left in the store").isEqualTo(afterFirst);
        assertThat(jdbc.queryForObject("SELECT taken_at FROM attachment WHERE customer_id = ?", Object.class,
                customer.getId())).as("not kept: the box was not ticked").isNull();
    }

    private MockHttpServletResponse log(AppUser manager, Customer customer, String summary, String token,
            boolean keepTakenAt, MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/customers/{id}/logs", customer.getId());
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        request.param("channel", "VISIT").param("occurredAt", "2026-01-05T10:00").param("summary", summary)
                .param("submissionToken", token).header("Accept-Language", "zh-CN");
        if (keepTakenAt) {
            request.param("keepTakenAt", "true");
        }
        return mvc.perform(request.with(user(Fixtures.principal(manager))).with(csrf())).andReturn().getResponse();
    }

    private MockHttpServletResponse download(String path, AppUser viewer) throws Exception {
        return mvc.perform(get(path).with(user(Fixtures.principal(viewer)))).andReturn().getResponse();
    }

    static MockMultipartFile file(String name, byte[] content) {
        // what the browser claims is ignored: the content decides
        return new MockMultipartFile("files", name, "application/octet-stream", content);
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private long count(String table, Customer customer) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE customer_id = ?", Long.class,
                customer.getId());
    }

    static Set<Path> storedFiles() throws IOException {
        if (!Files.isDirectory(STORE)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(STORE)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }
}
