package com.keyaccount.crm.architecture.violations.scoring;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A deliberate violation: a "rule" that reads the database itself. */
public record ImpureRule(JdbcClient jdbc) {

    public long customers() {
        return jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
    }
}
