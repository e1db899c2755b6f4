package com.keyaccount.crm.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Thymeleaf looks up every attribute and element name it writes in repositories guarded by a
 * <em>fair</em> read-write lock (3.1.5; thymeleaf/thymeleaf pull request 938, open since 2023). A
 * fair lock makes a reader queue behind any thread already queued, so with fifty requests on two
 * cores the readers formed a standing convoy: 13,900 parks in a 50-second load run (issue 20). The
 * repositories only ever add names, so the non-fair lock this installs at start-up guards them just
 * as well. If a Thymeleaf release renames these internals, the start-up log says so and pages
 * render as before, with the fair lock.
 */
@Component
class TemplateNameLocks implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TemplateNameLocks.class);
    private static final String[] STATIC_REPOSITORIES = {"org.thymeleaf.engine.AttributeNames",
            "org.thymeleaf.engine.ElementNames"};

    private final SpringTemplateEngine engine;

    TemplateNameLocks(SpringTemplateEngine engine) {
        this.engine = engine;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int replaced = 0;
        try {
            var configuration = engine.getConfiguration();
            replaced += unfairAll(configuration.getAttributeDefinitions());
            replaced += unfairAll(configuration.getElementDefinitions());
            for (String owner : STATIC_REPOSITORIES) {
                replaced += unfairAll(Class.forName(owner));
            }
            log.debug("Thymeleaf name repositories moved to non-fair locks: {}", replaced);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Thymeleaf's name repositories keep their fair locks ({} replaced): {}", replaced, e.toString());
        }
    }

    /** Every repository held in a field of {@code holder} (an instance, or a class for its static fields). */
    private static int unfairAll(Object holder) throws ReflectiveOperationException {
        boolean statics = holder instanceof Class<?>;
        Class<?> type = statics ? (Class<?>) holder : holder.getClass();
        int replaced = 0;
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) == statics && field.getType().getSimpleName().endsWith("Repository")) {
                field.setAccessible(true);
                Object repository = field.get(statics ? null : holder);
                if (repository != null && unfair(repository)) {
                    replaced++;
                }
            }
        }
        return replaced;
    }

    /**
     * Swaps the repository's lock and the read and write locks taken from it, together, once: the
     * name repositories are static, shared by every application context in the JVM (tests start
     * several), and a lock swapped while a thread held it would be unlocked by that thread unheld.
     */
    private static boolean unfair(Object repository) throws ReflectiveOperationException {
        Field current = repository.getClass().getDeclaredField("lock");
        current.setAccessible(true);
        if (!(current.get(repository) instanceof ReentrantReadWriteLock held) || !held.isFair()) {
            return false;
        }
        ReadWriteLock lock = new ReentrantReadWriteLock(false);
        set(repository, "lock", lock);
        set(repository, "readLock", lock.readLock());
        set(repository, "writeLock", lock.writeLock());
        return true;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
