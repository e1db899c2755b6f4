package com.keyaccount.crm.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.user.AppUser;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Uploads a file as a director would and waits (bounded) for the background import to finish. */
public final class Imports {

    private Imports() {
    }

    /** Returns the import's page, in English. */
    public static String upload(MockMvc mvc, JdbcTemplate jdbc, AppUser director, String kind, byte[] content)
            throws Exception {
        return upload(mvc, jdbc, director, kind, content, "en");
    }

    /** Returns the import's page in {@code language} (an Accept-Language value). */
    public static String upload(MockMvc mvc, JdbcTemplate jdbc, AppUser director, String kind, byte[] content,
            String language) throws Exception {
        String location = mvc.perform(multipart("/imports/" + kind)
                        .file(new MockMultipartFile("file", kind + ".csv", "text/csv", content))
                        .with(csrf()).with(user(Fixtures.principal(director))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ("RUNNING".equals(jdbc.queryForObject("SELECT status FROM data_import WHERE id = ?", String.class, id))
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return mvc.perform(get(location).with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * Removes the import records of one uploader: tests that import many files call it afterwards,
     * since other tests expect the upload page's list of recent imports to show their own.
     */
    public static void forget(JdbcTemplate jdbc, String startedBy) {
        jdbc.update("DELETE FROM data_import_error WHERE import_id IN (SELECT id FROM data_import WHERE started_by = ?)",
                startedBy);
        jdbc.update("DELETE FROM data_import_customer WHERE import_id IN (SELECT id FROM data_import "
                + "WHERE started_by = ?)", startedBy);
        jdbc.update("DELETE FROM data_import WHERE started_by = ?", startedBy);
    }

    /** The text of the element with this id, e.g. the count of created rows. */
    public static String field(String page, String id) {
        int start = page.indexOf('>', page.indexOf("id=\"" + id + "\"")) + 1;
        return page.substring(start, page.indexOf('<', start));
    }
}
