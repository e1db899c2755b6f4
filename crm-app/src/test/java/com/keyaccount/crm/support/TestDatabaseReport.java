package com.keyaccount.crm.support;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says once per run which database the full-stack tests use, so a green H2 run is not mistaken for PostgreSQL. */
public class TestDatabaseReport implements TestExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(TestDatabaseReport.class);

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        log.warn("Full-stack tests use database: {}", TestDatabase.describe());
    }
}
