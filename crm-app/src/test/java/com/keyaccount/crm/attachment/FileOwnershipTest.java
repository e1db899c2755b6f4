package com.keyaccount.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route that names a file follows its customer's ownership: another manager's file answers
 * exactly like a missing one (404) and nothing changes; the colleague a complaint was handed to
 * sees its files but deletes nothing; a director sees every file.
 */
@FullStackTest
class FileOwnershipTest {

    private static final long MISSING = 987_654_321L;

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final RequestMappingHandlerMapping mappings;

    FileOwnershipTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc,
            RequestMappingHandlerMapping requestMappingHandlerMapping) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.mappings = requestMappingHandlerMapping;
    }

    @Test
    void another_managers_file_answers_like_a_missing_one_on_every_file_route() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser intruder = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(owner, Fixtures.unique("别人的照片"));
        long id = upload(owner, "/customers/" + customer.getId() + "/files", "shelf.jpg",
                TestPhotos.withGps(200, 100));

        List<String> routes = fileRoutes();
        assertThat(routes).contains("GET /files/{id}", "GET /files/{id}/thumbnail", "POST /files/{id}/delete");
        List<String> leaks = new ArrayList<>();
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            int forTheirs = status(parts[0], parts[1].replace("{id}", String.valueOf(id)), intruder);
            int forMissing = status(parts[0], parts[1].replace("{id}", String.valueOf(MISSING)), intruder);
            if (forTheirs != 404 || forMissing != 404) {
                leaks.add(route + ": " + forTheirs + " for another manager's file, " + forMissing + " for a missing one");
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(jdbc.queryForObject("SELECT deleted_at FROM attachment WHERE id = ?", Object.class, id))
                .as("still there").isNull();

        // the owner and a director open it
        assertThat(status("GET", "/files/" + id, owner)).isEqualTo(200);
        assertThat(status("GET", "/files/" + id + "/thumbnail", fixtures.user(Role.SALES_DIRECTOR))).isEqualTo(200);
    }

    @Test
    void a_deleted_customers_or_a_deleted_files_routes_answer_404_even_to_its_owner() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(owner, Fixtures.unique("删除"));
        long kept = upload(owner, "/customers/" + customer.getId() + "/files", "a.pdf", VisitPhotosTest.pdf());
        long removed = upload(owner, "/customers/" + customer.getId() + "/files", "b.pdf", VisitPhotosTest.pdf());

        assertThat(status("POST", "/files/" + removed + "/delete", owner)).isEqualTo(302);
        assertThat(status("GET", "/files/" + removed, owner)).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'Attachment' "
                + "AND entity_id = ? AND action = 'DELETE'", Long.class, removed)).isEqualTo(1);

        jdbc.update("UPDATE customer SET deleted = TRUE, deleted_at = CURRENT_TIMESTAMP WHERE id = ?", customer.getId());
        assertThat(status("GET", "/files/" + kept, owner)).isEqualTo(404);
        assertThat(status("GET", "/files/" + kept, fixtures.user(Role.SALES_DIRECTOR))).isEqualTo(404);
    }

    @Test
    void the_colleague_a_complaint_was_handed_to_sees_and_adds_its_files_but_deletes_none() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser colleague = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser stranger = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(owner, Fixtures.unique("投诉照片"));
        mvc.perform(post("/customers/{id}/complaints", customer.getId()).with(user(Fixtures.principal(owner)))
                .with(csrf()).param("channel", "PHONE").param("category", "DELIVERY").param("severity", "MINOR")
                .param("description", "外包装破损").param("submissionToken", UUID.randomUUID().toString()));
        long complaintId = jdbc.queryForObject("SELECT id FROM complaint WHERE customer_id = ?", Long.class,
                customer.getId());
        jdbc.update("UPDATE complaint SET owner_id = ? WHERE id = ?", colleague.getId(), complaintId);

        long id = upload(colleague, "/complaints/" + complaintId + "/files", "破损.jpg", TestPhotos.withGps(300, 200));
        assertThat(jdbc.queryForObject("SELECT complaint_id FROM attachment WHERE id = ?", Long.class, id))
                .isEqualTo(complaintId);
        assertThat(mvc.perform(get("/complaints/{id}", complaintId).with(user(Fixtures.principal(colleague))))
                .andReturn().getResponse().getContentAsString()).contains("/files/" + id + "/thumbnail");
        assertThat(status("GET", "/files/" + id, colleague)).isEqualTo(200);
        assertThat(status("GET", "/files/" + id, owner)).isEqualTo(200);
        assertThat(status("POST", "/files/" + id + "/delete", colleague)).as("not the customer's owner").isEqualTo(404);
        assertThat(status("GET", "/files/" + id, stranger)).isEqualTo(404);
        assertThat(mvc.perform(multipart("/complaints/{id}/files", complaintId).file(VisitPhotosTest.file("x.pdf",
                        VisitPhotosTest.pdf())).with(user(Fixtures.principal(stranger))).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attachment WHERE complaint_id = ?", Long.class,
                complaintId)).isEqualTo(1);
    }

    private long upload(AppUser viewer, String path, String name, byte[] content) throws Exception {
        var answer = mvc.perform(multipart(path).file(VisitPhotosTest.file(name, content)).param("keepTakenAt", "true")
                .with(user(Fixtures.principal(viewer))).with(csrf())).andReturn().getResponse();
        assertThat(answer.getStatus()).as(path).isEqualTo(302);
        return jdbc.queryForObject("SELECT MAX(id) FROM attachment WHERE file_name = ? AND uploaded_by = ?", Long.class,
                name, viewer.getId());
    }

    private List<String> fileRoutes() {
        List<String> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/files/{")) {
                    var methods = info.getMethodsCondition().getMethods();
                    (methods.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(methods))
                            .forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        });
        return routes;
    }

    private int status(String method, String path, AppUser viewer) throws Exception {
        var request = request(HttpMethod.valueOf(method), path).with(user(Fixtures.principal(viewer)));
        if (!"GET".equals(method)) {
            request.with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
