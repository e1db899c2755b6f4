package com.keyaccount.crm.bench;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.contactlog.ContactLogService;
import com.keyaccount.crm.contactlog.LogContactCommand;
import com.keyaccount.crm.user.Viewer;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.ui.ExtendedModelMap;

/** Issue 20: a busy customer's page and logging a contact, beside the customer list's lines. */
final class CustomerPageBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"");

    private CustomerPageBenchmark() {
    }

    /**
     * A busy customer (the most contacts logged) as its owner sees it, in-process (the
     * controller's every call, no template) and as a page; then logging a contact through the
     * real form (the form's CSRF and submission tokens), and the use case alone.
     */
    static void run(ConfigurableApplicationContext app, JdbcTemplate jdbc, String base,
            int samples) throws Exception {
        var busy = jdbc.queryForMap("""
                SELECT l.customer_id, COUNT(*) AS logs FROM contact_log l JOIN customer c ON c.id = l.customer_id
                WHERE c.deleted = FALSE GROUP BY l.customer_id ORDER BY COUNT(*) DESC, l.customer_id LIMIT 1""");
        long id = ((Number) busy.get("customer_id")).longValue();
        Viewer owner = CustomerListBenchmark.viewer(jdbc, "SELECT u.id, u.username, u.display_name, u.role FROM app_user u "
                + "JOIN customer c ON c.owner_id = u.id WHERE c.id = " + id);
        TierBenchmark.report("Customer %d of %s: %,d contact logs, %,d orders, %,d contacts", id, owner.username(),
                ((Number) busy.get("logs")).longValue(),
                jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE customer_id = ?", Long.class, id),
                jdbc.queryForObject("SELECT COUNT(*) FROM contact WHERE customer_id = ?", Long.class, id));
        Object controller = app.getBean("customerDetailController");
        Method show = Arrays.stream(controller.getClass().getDeclaredMethods())
                .filter(m -> m.getName().equals("show")).findFirst().orElseThrow();
        show.setAccessible(true);
        long[] inProcess = HttpLoad.sample(samples, () -> {
            try {
                show.invoke(controller, id, 0, false, owner, new ExtendedModelMap());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        HttpClient client = HttpLoad.loggedIn(base, owner.username());
        long[] page = HttpLoad.sample(samples, () -> CustomerListBenchmark.get(client, base + "/customers/" + id));
        TierBenchmark.report("(D) customer detail in-process (controller)    p50 %6.1f ms  p95 %6.1f ms | goal <= %.0f",
                HttpLoad.ms(inProcess, 50), HttpLoad.ms(inProcess, 95), CustomerListBenchmark.LIST_GOAL_MS);
        TierBenchmark.report("(D) GET /customers/%d, one at a time      p50 %6.1f ms  p95 %6.1f ms", id,
                HttpLoad.ms(page, 50), HttpLoad.ms(page, 95));

        ContactLogService logs = app.getBean(ContactLogService.class);
        long[] useCase = HttpLoad.sample(samples, () -> logs.record(owner, id, new LogContactCommand(Channel.PHONE,
                Instant.now().minusSeconds(60), "基准测试电话回访", null, null, null, UUID.randomUUID().toString())));
        long[] posts = new long[samples];
        postLog(client, base, id); // warm-up
        for (int i = 0; i < samples; i++) {
            posts[i] = postLog(client, base, id);
        }
        Arrays.sort(posts);
        TierBenchmark.report("(C) log a contact, use case in-process         p50 %6.1f ms  p95 %6.1f ms | goal <= %.0f",
                HttpLoad.ms(useCase, 50), HttpLoad.ms(useCase, 95), CustomerListBenchmark.LIST_GOAL_MS);
        TierBenchmark.report("(C) POST /customers/%d/logs (real form)  p50 %6.1f ms  p95 %6.1f ms", id,
                HttpLoad.ms(posts, 50), HttpLoad.ms(posts, 95));
    }

    /** Opens the log form, then times its submission alone. */
    private static long postLog(HttpClient client, String base, long id) throws Exception {
        String form = client.send(HttpRequest.newBuilder(URI.create(base + "/customers/" + id + "/logs/new")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        Matcher token = TOKEN.matcher(form);
        if (!csrf.find() || !token.find()) {
            throw new IllegalStateException("no CSRF or submission token on the log form");
        }
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        String body = "_csrf=" + CustomerListBenchmark.enc(csrf.group(1)) + "&submissionToken=" + CustomerListBenchmark.enc(token.group(1))
                + "&channel=PHONE&occurredAt=" + CustomerListBenchmark.enc(now) + "&summary=" + CustomerListBenchmark.enc("基准测试电话回访");
        long start = System.nanoTime();
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/customers/" + id + "/logs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 302 && response.statusCode() != 303) {
            throw new IllegalStateException("logging a contact answered " + response.statusCode());
        }
        return nanos;
    }

}
