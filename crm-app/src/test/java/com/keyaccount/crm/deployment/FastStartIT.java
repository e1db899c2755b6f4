package com.keyaccount.crm.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/start.sh} on the jar this build packaged (so it runs in Maven's integration-test phase,
 * after {@code package}): the application started from its build-time (AOT) bean definitions and
 * the class-data archive the script trains, on a fresh embedded database with demo data, serves
 * the sign-in page and a manager's My day. The suite's other tests start Spring the ordinary way,
 * so this is the one that would see a bean the AOT definitions lost.
 */
class FastStartIT {

    private static final Duration START_LIMIT = Duration.ofMinutes(4);

    @TempDir
    Path work;

    private Process app;
    private final StringBuffer output = new StringBuffer();

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void the_script_starts_the_packaged_jar_from_its_aot_definitions_and_class_archive_and_it_serves_pages()
            throws Exception {
        int port = freePort();
        Path classLog = work.resolve("classes.txt");
        ProcessBuilder start = new ProcessBuilder(RepositoryFiles.path("ops/start.sh").toString(),
                "--server.port=" + port, "--management.server.port=" + freePort())
                .directory(work.toFile()).redirectErrorStream(true);
        start.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("CRM_"));
        start.environment().put("CRM_APP_DIR", work.resolve("app").toString());
        start.environment().put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        app = start.start();
        CompletableFuture<Void> demoData = watch(app);

        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        try {
            demoData.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("not up within %s:%n%s", START_LIMIT, output);
        } catch (ExecutionException e) {
            fail(e.getCause().getMessage());
        }

        String loginPage = http.send(get(base + "/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the sign-in form carries its CSRF token").isTrue();
        String form = "username=zhang&password=demo1234&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> myDay = http.send(get(base + "/my-day"), HttpResponse.BodyHandlers.ofString());
        assertThat(myDay.statusCode()).isEqualTo(200);
        assertThat(myDay.uri().getPath()).as("signed in, not sent back to /login").isEqualTo("/my-day");
        assertThat(myDay.body()).contains("张伟");

        String classes = Files.readString(classLog);
        assertThat(classes).as("Spring used the build-time bean definitions")
                .contains("com.keyaccount.crm.CrmApplication__ApplicationContextInitializer");
        assertThat(classes).as("the application's classes came from the trained archive")
                .containsPattern("com\\.keyaccount\\.crm\\.customer\\.CustomerService source: shared objects file");
    }

    /**
     * Reads the script's output to its end (a pipe nobody reads would stop the application once
     * full); done when the demo data are there, failed with the output if the script ends first.
     */
    private CompletableFuture<Void> watch(Process process) {
        CompletableFuture<Void> demoData = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = process.inputReader()) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append(System.lineSeparator());
                    if (line.matches(".*Demo data: \\d+ users.*")) {
                        demoData.complete(null);
                    }
                }
            } catch (IOException e) {
                output.append(e);
            }
            demoData.completeExceptionally(new AssertionError("ops/start.sh ended before the application was up:%n%s"
                    .formatted(output)));
        }, "ops/start.sh output");
        reader.setDaemon(true);
        reader.start();
        return demoData;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
