package com.keyaccount.crm.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read without Docker: pinned base images, Maven's downloads in a layer that only a
 * pom change rebuilds (the sources then build offline), the Boot jar run from its layers, a
 * non-root user, and a healthcheck on the readiness endpoint.
 */
class DockerfileTest {

    private static final List<String> JAR_LAYERS = List.of("dependencies", "snapshot-dependencies", "application");
    private static final String ARCHIVE = "/app/crm-app.jsa";

    private final List<List<Instruction>> stages = stages(RepositoryFiles.read("Dockerfile"));
    private final List<Instruction> build = stages.get(0);
    private final List<Instruction> runtime = stages.get(stages.size() - 1);

    @Test
    void every_base_image_is_pinned_to_a_version() {
        assertThat(stages).hasSize(2);
        for (List<Instruction> stage : stages) {
            String image = stage.get(0).arguments().split("\\s+")[0];
            assertThat(image).as("FROM %s", image).matches("[\\w./-]+:\\d+\\.\\d+[\\w.-]*");
        }
    }

    @Test
    void maven_downloads_everything_before_the_sources_come_in_and_the_sources_build_offline() {
        int goOffline = indexOf(build, instruction -> instruction.is("RUN")
                && instruction.arguments().contains("dependency:go-offline"));
        int firstSource = indexOf(build, instruction -> instruction.is("COPY")
                && instruction.arguments().contains("/src"));
        assertThat(goOffline).as("dependency:go-offline").isPositive().isLessThan(firstSource);
        for (String module : modules()) {
            assertThat(indexOf(build, copies(module + "/pom.xml"))).as("%s/pom.xml copied first", module)
                    .isPositive().isLessThan(goOffline);
            assertThat(indexOf(build, copies(module + "/src/main"))).as("%s sources", module)
                    .isGreaterThan(goOffline);
        }
        assertThat(indexOf(build, copies("pom.xml"))).isPositive().isLessThan(goOffline);
        assertThat(indexOf(build, copies(".mvn/"))).isPositive().isLessThan(goOffline);
        Instruction packaging = build.get(indexOf(build, instruction -> instruction.is("RUN")
                && instruction.arguments().contains(" package")));
        assertThat(packaging.arguments()).as("built offline from the dependency layer").containsPattern("\\s-o\\s");
    }

    @Test
    void the_image_runs_the_jars_layers_least_changed_first() {
        assertThat(build).anyMatch(instruction -> instruction.is("RUN")
                && instruction.arguments().contains("-Djarmode=tools -jar crm-app/target/crm-app.jar extract --layers --destination /layers"));
        List<String> copied = new ArrayList<>();
        for (Instruction instruction : runtime) {
            Matcher layer = Pattern.compile("--from=build /layers/([\\w-]+)/").matcher(instruction.arguments());
            if (instruction.is("COPY") && layer.find()) {
                copied.add(layer.group(1));
            }
        }
        assertThat(copied).containsExactlyElementsOf(JAR_LAYERS);
    }

    @Test
    void the_image_starts_from_its_build_time_bean_definitions_and_a_class_archive_trained_in_the_image() {
        int lastLayer = indexOf(runtime, copies("--from=build").and(instruction -> instruction.arguments().contains("/layers/application/")));
        int training = indexOf(runtime, instruction -> instruction.is("RUN")
                && instruction.arguments().contains("-XX:ArchiveClassesAtExit=" + ARCHIVE));
        assertThat(training).as("the training start comes after the jars it archives").isGreaterThan(lastLayer);
        String train = runtime.get(training).arguments();
        assertThat(train).as("exits once the context is up, away from /app/data")
                .contains("cd /tmp", "-Dspring.context.exit=onRefresh", "-Dspring.aot.enabled=true", "-jar /app/crm-app.jar");
        assertThat(training).as("trained as root, before the user switch").isLessThan(indexOf(runtime, instruction -> instruction.is("USER")));
        assertThat(last(runtime, "ENTRYPOINT").arguments()).as("the same jar path, or the archive is refused")
                .contains("\"-XX:SharedArchiveFile=" + ARCHIVE + "\"", "\"-Dspring.aot.enabled=true\"", "\"-jar\", \"/app/crm-app.jar\"");
    }

    @Test
    void the_application_runs_as_a_user_of_its_own() {
        String user = last(runtime, "USER").arguments();
        assertThat(user).isNotBlank().isNotIn("root", "0", "0:0");
        assertThat(indexOf(runtime, instruction -> instruction.is("USER")))
                .isLessThan(indexOf(runtime, instruction -> instruction.is("ENTRYPOINT")));
        assertThat(runtime).anyMatch(instruction -> instruction.is("RUN") && instruction.arguments().contains("useradd")
                && instruction.arguments().contains(" " + user));
    }

    @Test
    void the_healthcheck_asks_the_readiness_endpoint_with_the_probe_built_into_the_image() {
        String healthcheck = last(runtime, "HEALTHCHECK").arguments();
        assertThat(healthcheck).contains(ComposeFileTest.READINESS, "\"-cp\", \"/opt/healthcheck\", \"HealthCheck\"");
        assertThat(build).anyMatch(instruction -> instruction.is("RUN")
                && instruction.arguments().contains("javac --release 17 -d /healthcheck ops/docker/HealthCheck.java"));
        assertThat(runtime).anyMatch(instruction -> instruction.is("COPY")
                && instruction.arguments().equals("--from=build /healthcheck/ /opt/healthcheck/"));
    }

    @Test
    void secrets_and_build_output_stay_out_of_the_build_context() {
        assertThat(RepositoryFiles.read(".dockerignore").lines().map(String::strip))
                .contains(".env", "**/target", ".git", "data");
    }

    private static Predicate<Instruction> copies(String source) {
        return instruction -> instruction.is("COPY") && List.of(instruction.arguments().split("\\s+")).contains(source);
    }

    private static List<String> modules() {
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(RepositoryFiles.read("pom.xml"));
        while (module.find()) {
            modules.add(module.group(1));
        }
        assertThat(modules).isNotEmpty();
        return modules;
    }

    private static int indexOf(List<Instruction> stage, Predicate<Instruction> test) {
        for (int i = 0; i < stage.size(); i++) {
            if (test.test(stage.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Instruction last(List<Instruction> stage, String keyword) {
        return stage.stream().filter(instruction -> instruction.is(keyword)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + keyword + " in the stage"));
    }

    record Instruction(String keyword, String arguments) {

        boolean is(String name) {
            return keyword.equals(name);
        }
    }

    /** The instructions of each stage (the first of each is its FROM); continued lines joined, comments left out. */
    static List<List<Instruction>> stages(String dockerfile) {
        List<List<Instruction>> stages = new ArrayList<>();
        String joined = dockerfile.replaceAll("(?m)^\\s*#.*\\n", "").replaceAll("\\\\\\n\\s*", " ");
        for (String line : joined.split("\\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.is("FROM")) {
                stages.add(new ArrayList<>());
            }
            stages.get(stages.size() - 1).add(instruction);
        }
        return stages;
    }
}
