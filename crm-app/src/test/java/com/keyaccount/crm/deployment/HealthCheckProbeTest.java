package com.keyaccount.crm.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container's health probe (ops/docker/HealthCheck.java, run by the image's HEALTHCHECK and
 * compose) against a stand-in for the management port: healthy only on a 200, so an instance that
 * is starting, not ready (503) or sending everyone to the sign-in page gets no traffic.
 */
class HealthCheckProbeTest {

    private static final Path PROBE = RepositoryFiles.path("ops/docker/HealthCheck.java");

    private HttpServer management;
    private String base;

    @BeforeEach
    void startManagementPort() throws Exception {
        management = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        answer("/ready", 200, null);
        answer("/not-ready", 503, null);
        answer("/redirected", 302, "/login");
        answer("/login", 200, null);
        management.start();
        base = "http://127.0.0.1:" + management.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        management.stop(0);
    }

    @Test
    void ready_is_healthy() throws Exception {
        assertThat(probe(base + "/ready")).isZero();
    }

    @Test
    void not_ready_is_unhealthy() throws Exception {
        assertThat(probe(base + "/not-ready")).isEqualTo(1);
    }

    @Test
    void a_redirect_to_the_sign_in_page_is_unhealthy() throws Exception {
        assertThat(probe(base + "/redirected")).isEqualTo(1);
    }

    @Test
    void nothing_listening_is_unhealthy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThat(probe("http://127.0.0.1:" + closedPort + "/ready")).isEqualTo(1);
    }

    private void answer(String path, int status, String location) {
        management.createContext(path, exchange -> {
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** Runs the probe as the image does, with this JDK's java launching the source file. */
    private static int probe(String url) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, PROBE.toString(), url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the probe finished: %s", output).isTrue();
        assertThat(output).as("the probe says what it saw").contains(url);
        return process.exitValue();
    }
}
