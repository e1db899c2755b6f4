package com.keyaccount.crm.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.importing.DataImport.Status;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The background runner: one import at a time on its own thread, and no import left "running" by a failure. */
@FullStackTest
class ImportJobsTest {

    private static final Viewer DIRECTOR = new Viewer(0, "director", Role.SALES_DIRECTOR);

    private final ImportJobs jobs;
    private final ImportRecords records;
    private final JdbcTemplate jdbc;

    ImportJobsTest(ImportJobs jobs, ImportRecords records, JdbcTemplate jdbc) {
        this.jobs = jobs;
        this.records = records;
        this.jdbc = jdbc;
    }

    @Test
    void imports_queue_on_the_import_thread_and_a_failing_one_ends_failed_with_its_file_discarded()
            throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicBoolean overlapped = new AtomicBoolean();
        Source first = new Source();
        Source second = new Source();

        long done = jobs.start(DIRECTOR, ImportKind.SALES, "first.csv", first, (id, file, actor) -> {
            threads.add(Thread.currentThread().getName());
            // were imports run side by side, the second would start while this one waits
            overlapped.set(await(secondStarted, 300));
            records.finish(id, Status.DONE, 0L, 0L, 0L, 0L, null);
        });
        long failed = jobs.start(DIRECTOR, ImportKind.SALES, "second.csv", second, (id, file, actor) -> {
            threads.add(Thread.currentThread().getName());
            secondStarted.countDown();
            throw new IllegalStateException("unreadable");
        });

        awaitFinished(done);
        awaitFinished(failed);
        assertThat(overlapped).isFalse();
        assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("data-import-"))
                .containsOnly(threads.get(0));
        assertThat(status(done)).isEqualTo("DONE");
        assertThat(status(failed)).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT message FROM data_import WHERE id = ?", String.class, failed))
                .isEqualTo("unreadable");
        assertThat(await(first.discarded, 5_000)).isTrue();
        assertThat(await(second.discarded, 5_000)).isTrue();
    }

    private static boolean await(CountDownLatch latch, long millis) {
        try {
            return latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitFinished(long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ("RUNNING".equals(status(id)) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM data_import WHERE id = ?", String.class, id);
    }

    /** A file the jobs above never read; only whether it is let go counts. */
    private static final class Source implements LineSource {
        private final CountDownLatch discarded = new CountDownLatch(1);

        @Override
        public TabularFile open() {
            throw new UnsupportedOperationException("not read in this test");
        }

        @Override
        public void discard() {
            discarded.countDown();
        }
    }
}
