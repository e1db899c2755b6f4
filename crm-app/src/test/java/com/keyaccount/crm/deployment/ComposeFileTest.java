package com.keyaccount.crm.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as an operator relies on it, read without Docker (no engine on our machines):
 * pinned images, a healthcheck on every service, two application instances behind the proxy that
 * waits for their readiness, only the proxy's port published, a missing secret stopping compose
 * with a message, nightly backups. Where {@code docker compose} runs, compose checks the file too.
 */
class ComposeFileTest {

    static final String READINESS = "http://127.0.0.1:8081/actuator/health/readiness";
    private static final String[] SECRETS = {"CRM_DB_PASSWORD", "CRM_ADMIN_PASSWORD", "CRM_FILES_PASSWORD"};

    private final String text = RepositoryFiles.read("docker-compose.yml");
    private final Map<String, Map<String, Object>> services = services(text);

    @Test
    void every_image_is_pinned_to_a_version() {
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as("image of %s", name).isNotBlank().contains(":");
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as("tag of %s", name).isNotEqualTo("latest");
            if (!service.containsKey("build")) {
                // MinIO names its versions by their release time: RELEASE.2025-04-22T22-12-26Z
                assertThat(tag).as("a pulled image names its version: %s", name)
                        .matches("\\d+\\.\\d+.*|RELEASE\\.\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z");
            }
        });
    }

    @Test
    void every_service_has_a_healthcheck() {
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            assertThat(healthcheck).as("healthcheck of %s", name).isNotEmpty().doesNotContainEntry("disable", true);
            assertThat(healthcheck.get("test")).as("healthcheck test of %s", name).asString().isNotBlank();
        });
    }

    @Test
    void two_application_instances_stand_behind_the_proxy_that_waits_for_their_readiness() {
        List<String> apps = applications();
        assertThat(apps).hasSize(2);
        for (String app : apps) {
            assertThat(String.valueOf(map(services.get(app).get("healthcheck")).get("test")))
                    .as("%s is healthy when ready", app).contains(READINESS);
            assertThat(environment(app)).containsEntry("CRM_FORWARD_HEADERS", "native")
                    .containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
            assertThat(dependsOn(app)).containsEntry("db", "service_healthy");
        }
        assertThat(dependsOn(proxy())).containsAllEntriesOf(Map.of(apps.get(0), "service_healthy",
                apps.get(1), "service_healthy"));
        // the second instance waits for the first: one instance creates the first admin of an empty database
        assertThat(dependsOn(apps.get(1))).containsEntry(apps.get(0), "service_healthy");
        assertThat(NginxConfig.read().upstreamServers()).containsExactlyInAnyOrder(apps.get(0) + ":8080",
                apps.get(1) + ":8080");
    }

    @Test
    void only_the_proxys_port_8080_is_published_and_never_the_management_port() {
        services.forEach((name, service) -> {
            List<String> published = publishedContainerPorts(service);
            if (name.equals(proxy())) {
                assertThat(published).as("published by the proxy").containsExactly("8080");
            } else {
                assertThat(published).as("published by %s", name).isEmpty();
            }
        });
        assertThat(NginxConfig.read().listenPorts()).contains("8080");
        assertThat(NginxConfig.read().upstreamServers()).noneMatch(server -> server.endsWith(":8081"));
    }

    @Test
    void a_missing_secret_stops_compose_with_a_message_before_anything_starts() {
        Matcher reference = Pattern.compile("\\$\\{?(CRM_DB_PASSWORD|CRM_ADMIN_PASSWORD|CRM_FILES_PASSWORD)\\b[^}\\n]*\\}?").matcher(text);
        int references = 0;
        while (reference.find()) {
            references++;
            assertThat(reference.group()).as("every use of a secret fails without it").startsWith("${")
                    .matches("\\$\\{\\w+:\\?[^}]*\\S[^}]*\\}");
        }
        assertThat(references).isGreaterThanOrEqualTo(SECRETS.length);
        String dbPassword = "${CRM_DB_PASSWORD:?";
        assertThat(environment("db").get("POSTGRES_PASSWORD")).startsWith(dbPassword);
        assertThat(environment("backup").get("PGPASSWORD")).startsWith(dbPassword);
        for (String app : applications()) {
            assertThat(environment(app).get("CRM_DB_PASSWORD")).startsWith(dbPassword);
            assertThat(environment(app).get("CRM_ADMIN_PASSWORD")).startsWith("${CRM_ADMIN_PASSWORD:?");
        }
    }

    @Test
    void the_backup_service_dumps_the_database_every_night_into_a_volume_of_its_own() {
        Map<String, Object> backup = services.get("backup");
        assertThat((String) backup.get("image")).isEqualTo(services.get("db").get("image"));
        assertThat(String.valueOf(backup.get("entrypoint")) + backup.get("command")).contains("crm-backup", "nightly");
        assertThat(String.valueOf(backup.get("volumes"))).contains("./ops/backup/backup.sh:/usr/local/bin/crm-backup",
                "crm-backups:/backups");
        assertThat(map(map(new Yaml().load(text)).get("volumes"))).containsKey("crm-backups");
        assertThat(environment("backup")).containsKeys("CRM_BACKUP_AT", "CRM_BACKUP_KEEP_DAYS", "TZ")
                .containsEntry("PGHOST", "db");
        assertThat(RepositoryFiles.path("ops/backup/backup.sh")).exists().isExecutable();
    }

    @Test
    void both_instances_keep_files_in_the_object_store_which_publishes_no_port_and_keeps_its_data_in_a_volume() {
        Map<String, Object> minio = services.get("minio");
        assertThat(String.valueOf(minio.get("volumes"))).contains("crm-files:/data");
        assertThat(map(map(new Yaml().load(text)).get("volumes"))).containsKey("crm-files");
        assertThat(environment("minio").get("MINIO_ROOT_PASSWORD")).startsWith("${CRM_FILES_PASSWORD:?");
        for (String app : applications()) {
            assertThat(environment(app)).containsEntry("CRM_FILES_STORE", "s3")
                    .containsEntry("CRM_FILES_S3_ENDPOINT", "http://minio:9000")
                    .containsEntry("CRM_FILES_S3_CREATE_BUCKET", "true")
                    .containsEntry("CRM_FILES_S3_BUCKET", "crm-files");
            assertThat(environment(app).get("CRM_FILES_S3_SECRET_KEY")).startsWith("${CRM_FILES_PASSWORD:?");
            assertThat(dependsOn(app)).containsEntry("minio", "service_healthy");
        }
        // presigned links name the proxy, which passes the bucket's path on to MinIO
        assertThat(NginxConfig.read().text()).contains("location /" + environment(applications().get(0))
                .get("CRM_FILES_S3_BUCKET") + "/ {");
    }

    @Test
    void docker_compose_accepts_the_file_and_refuses_it_without_a_secret() throws Exception {
        List<String> compose = compose();
        assumeTrue(!compose.isEmpty(), "neither docker compose nor docker-compose is on this machine: "
                + "docker-compose.yml was only read by the other tests");
        Map<String, String> secrets = Map.of("CRM_DB_PASSWORD", "db-secret", "CRM_ADMIN_PASSWORD", "admin-secret-1",
                "CRM_FILES_PASSWORD", "files-secret-1");
        Result valid = run(secrets, with(compose, "-f", "docker-compose.yml", "config", "--quiet"));
        assertThat(valid.exit).as(valid.output).isZero();

        Result missing = run(Map.of("CRM_DB_PASSWORD", "db-secret", "CRM_FILES_PASSWORD", "files-secret-1"), with(compose, "-f", "docker-compose.yml", "config",
                "--quiet"));
        assertThat(missing.exit).isNotZero();
        assertThat(missing.output).contains("CRM_ADMIN_PASSWORD", "the first administrator's password");
    }

    /** docker compose (v2), else the older docker-compose, else nothing. */
    private static List<String> compose() throws Exception {
        for (List<String> command : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            if (run(Map.of(), with(command, "version")).exit == 0) {
                return command;
            }
        }
        return List.of();
    }

    private static String[] with(List<String> command, String... arguments) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }

    private List<String> applications() {
        return services.entrySet().stream().filter(service -> ".".equals(service.getValue().get("build")))
                .map(Map.Entry::getKey).toList();
    }

    private String proxy() {
        return services.entrySet().stream().filter(service -> service.getValue().get("image").toString()
                .startsWith("nginx:")).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(services.get(service).get("environment")).forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }

    /** depends_on as service → condition ("service_started" for the short list form). */
    private Map<String, String> dependsOn(String service) {
        Object dependsOn = services.get(service).get("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(name -> conditions.put(name.toString(), "service_started"));
        } else {
            map(dependsOn).forEach((name, spec) -> conditions.put(name, String.valueOf(map(spec).get("condition"))));
        }
        return conditions;
    }

    /** The container side of each published port: "8080" of "${CRM_HTTP_PORT:-8080}:8080". */
    private static List<String> publishedContainerPorts(Map<String, Object> service) {
        List<String> ports = new ArrayList<>();
        if (service.get("ports") instanceof List<?> entries) {
            for (Object entry : entries) {
                String port = entry instanceof Map<?, ?> longForm ? String.valueOf(longForm.get("target"))
                        : entry.toString().substring(entry.toString().lastIndexOf(':') + 1);
                ports.add(port.replaceFirst("/.*", ""));
            }
        }
        return ports;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String text) {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(map(new Yaml().load(text)).get("services")).forEach((name, service) -> services.put(name, map(service)));
        return services;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(RepositoryFiles.ROOT.toFile())
                .redirectErrorStream(true);
        for (String secret : SECRETS) {
            builder.environment().remove(secret);
        }
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            return new Result(-1, notInstalled.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor(60, TimeUnit.SECONDS) ? new Result(process.exitValue(), output) : new Result(-1, output);
    }
}
