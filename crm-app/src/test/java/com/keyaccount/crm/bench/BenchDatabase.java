package com.keyaccount.crm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the benchmark's PostgreSQL database when it is missing, so the README's command works
 * on a fresh machine: it connects to the server's {@code postgres} database with the same user.
 */
final class BenchDatabase {

    private static final Logger log = LoggerFactory.getLogger(BenchDatabase.class);
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?");

    private BenchDatabase() {
    }

    static void ensureExists(String url, String user, String password) throws SQLException {
        Matcher parts = URL.matcher(url);
        if (!parts.matches()) {
            return; // not a plain PostgreSQL URL: the caller knows what they pointed at
        }
        String name = parts.group(2);
        try (Connection server = DriverManager.getConnection(parts.group(1) + "postgres", user, password);
                PreparedStatement exists = server.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = server.createStatement()) {
                // the name matched [A-Za-z0-9_]+ above, so it is safe to put in the statement
                create.execute("CREATE DATABASE " + name);
            }
            log.warn("Created the benchmark database {}", name);
        }
    }
}
