package com.keyaccount.crm.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PostgreSQL client tools (psql, pg_dump, pg_restore) run on the test database, for the ops/ scripts. */
public final class PostgresClient {

    private static final Pattern POSTGRES_URL = Pattern.compile("^jdbc:(postgresql://[^/]*)/([^?/]+).*$");

    /** The server and database of a jdbc:postgresql: URL. */
    public record Target(String host, int port, String database) {

        public static Optional<Target> of(String jdbcUrl) {
            Matcher postgres = POSTGRES_URL.matcher(jdbcUrl);
            if (!postgres.matches()) {
                return Optional.empty();
            }
            URI server = URI.create(postgres.group(1));
            return Optional.of(new Target(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort(),
                    postgres.group(2)));
        }

        /** PGHOST, PGPORT, PGUSER and PGPASSWORD for the tools, as the test database's user. */
        public Map<String, String> environment() {
            Map<String, String> env = new HashMap<>(Map.of("PGHOST", host, "PGPORT", String.valueOf(port),
                    "PGUSER", TestDatabase.user()));
            if (!TestDatabase.password().isEmpty()) {
                env.put("PGPASSWORD", TestDatabase.password());
            }
            return env;
        }
    }

    private PostgresClient() {
    }

    /** psql, pg_dump and pg_restore run, and pg_dump is not older than the server (it refuses then). */
    public static boolean toolsFor(String url) {
        try {
            for (String tool : new String[] {"psql", "pg_restore"}) {
                if (version(tool) < 0) {
                    return false;
                }
            }
            int serverMajor;
            try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
                serverMajor = connection.getMetaData().getDatabaseMajorVersion();
            }
            return version("pg_dump") >= serverMajor;
        } catch (IOException | SQLException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The tool's major version, or -1 when it does not run. */
    private static int version(String tool) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
        } catch (IOException notOnPath) {
            return -1;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return -1;
        }
        Matcher major = Pattern.compile("(\\d+)(\\.\\d+)?").matcher(out);
        return major.find() ? Integer.parseInt(major.group(1)) : -1;
    }
}
