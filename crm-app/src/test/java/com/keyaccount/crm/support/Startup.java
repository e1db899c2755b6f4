package com.keyaccount.crm.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

/**
 * What a start of the application does once its context is up, done again on the running test
 * context: every {@link ApplicationRunner} in order, as Spring Boot runs them after a (re)start.
 * Tests leave in the database what a killed server left, then "start" and look at the result.
 */
public final class Startup {

    private Startup() {
    }

    public static void runAgain(ApplicationContext context) throws Exception {
        List<ApplicationRunner> runners = new ArrayList<>(context.getBeansOfType(ApplicationRunner.class).values());
        AnnotationAwareOrderComparator.sort(runners);
        for (ApplicationRunner runner : runners) {
            runner.run(new DefaultApplicationArguments());
        }
    }
}
