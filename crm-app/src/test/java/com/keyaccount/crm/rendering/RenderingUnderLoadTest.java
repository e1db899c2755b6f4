package com.keyaccount.crm.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.support.FullStackTest;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * What the pages share between requests, kept from becoming a queue under load (issue 20): the
 * messages with arguments, and Thymeleaf's name repositories.
 */
@FullStackTest
class RenderingUnderLoadTest {

    private final MessageSource messages;
    private final SpringTemplateEngine engine;

    RenderingUnderLoadTest(MessageSource messages, SpringTemplateEngine engine) {
        this.messages = messages;
        this.engine = engine;
    }

    /** Each thread's arguments land in its own text, in both languages, however many format at once. */
    @Test
    void messages_with_arguments_format_each_callers_own_values_at_once() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int days = t + 1;
                results.add(threads.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        Locale locale = i % 2 == 0 ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
                        String text = messages.getMessage("myday.late",
                                new Object[] {days, "2026-11-" + (10 + days)}, locale);
                        if (!text.contains("2026-11-" + (10 + days)) || !text.contains(String.valueOf(days))) {
                            wrong.add(text);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(messages.getMessage("myday.late", new Object[] {9, "2026-11-20"}, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("自 2026-11-20 起逾期（9 个工作日）");
        assertThat(messages.getMessage("myday.dueOn", new Object[] {LocalDate.of(2026, 12, 1).toString()},
                Locale.ENGLISH)).contains("2026-12-01");
    }

    /**
     * Thymeleaf 3.1 guards the names it writes with fair locks, which queued every page behind
     * every other under load; the application swaps them for non-fair ones. Should a Thymeleaf
     * upgrade rename what is swapped, this fails, to say the workaround needs a look.
     */
    @Test
    void thymeleafs_name_repositories_do_not_queue_readers_fairly() throws Exception {
        var configuration = engine.getConfiguration();
        assertThat(fair(repository(configuration.getAttributeDefinitions(), "htmlAttributeRepository"))).isFalse();
        assertThat(fair(repository(configuration.getElementDefinitions(), "htmlElementRepository"))).isFalse();
        assertThat(fair(repository(Class.forName("org.thymeleaf.engine.AttributeNames"), "htmlAttributeNamesRepository")))
                .isFalse();
        assertThat(fair(repository(Class.forName("org.thymeleaf.engine.ElementNames"), "htmlElementNamesRepository")))
                .isFalse();
    }

    private static Object repository(Object holder, String name) throws ReflectiveOperationException {
        boolean statics = holder instanceof Class<?>;
        Field field = (statics ? (Class<?>) holder : holder.getClass()).getDeclaredField(name);
        field.setAccessible(true);
        return field.get(statics ? null : holder);
    }

    private static boolean fair(Object repository) throws ReflectiveOperationException {
        Field lock = repository.getClass().getDeclaredField("lock");
        lock.setAccessible(true);
        return ((ReentrantReadWriteLock) lock.get(repository)).isFair();
    }
}
