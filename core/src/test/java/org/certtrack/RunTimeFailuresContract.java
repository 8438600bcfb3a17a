package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/**
 * Failures met at run time, on either database: a statement cancelled by someone else than certtrack's
 * query timeout is named for that, and a repository's read leaves no result set open behind it.
 */
abstract class RunTimeFailuresContract extends DatabaseContract {

    @Test
    void aStatementCancelledBeforeQueryTimeoutIsNotBlamedOnQueryTimeout() {
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            Object session = work.entityManager().createNativeQuery(database.isPostgres()
                    ? "SELECT pg_backend_pid()" : "SELECT SESSION_ID()").getSingleResult();
            CompletableFuture.runAsync(() -> cancelWhenRunning(((Number) session).longValue(), cancelled));
            work.entityManager().createNativeQuery(database.isPostgres()
                    ? "SELECT pg_sleep(20)" : "SELECT SUM(a.X * b.X) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b").getSingleResult();
        })).isInstanceOf(CertTrackException.class)
                .isNotInstanceOf(TimedOutException.class)
                .hasMessageContaining("before queryTimeout (30 s)")
                .hasMessageContaining("pg_cancel_backend");
        assertThat(cancelled).as("the other session's cancel request").succeedsWithin(Duration.ofSeconds(15));
    }

    /** From another session, cancels the statement {@code session} runs once it runs it. */
    private void cancelWhenRunning(long session, CompletableFuture<Void> cancelled) {
        String running = database.isPostgres()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + session + " AND state = 'active' AND query LIKE '%pg_sleep%'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = " + session
                        + " AND EXECUTING_STATEMENT LIKE '%SYSTEM_RANGE%'";
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (queryForLong(running) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("session " + session + " never ran its statement");
                }
                Thread.sleep(20);
            }
            executeSql(database.isPostgres() ? "SELECT pg_cancel_backend(" + session + ")" : "CALL CANCEL_SESSION(" + session + ")");
            cancelled.complete(null);
        } catch (Exception e) {
            cancelled.completeExceptionally(e);
        }
    }

    @Test
    void findByIdWithCertificatesLeavesNoResultSetOpen() {
        long adaId = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            ada.addCertificate(new Certificate("AWS", 2027));
            ada.addCertificate(new Certificate("GCP", 2028));
            return work.engineers().add(ada).getId();
        });
        AtomicInteger open = new AtomicInteger();
        try (CertTrack counted = CertTrack.builder().dataSource(countingResultSets(certTrack.dataSource(), open))
                .migrate(false).build()) {
            int openAfterward = counted.inTransaction(work -> {
                assertThat(work.engineers().findByIdWithCertificates(adaId)).as("Ada, found").isPresent();
                assertThat(work.engineers().findByIdWithCertificates(-1)).as("no engineer -1").isEmpty();
                return open.get();
            });
            assertThat(openAfterward).as("result sets left open inside the unit of work after the two reads").isZero();
        }
    }

    /** {@code target}, counting the result sets its connections' statements hand out and not yet closed. */
    static DataSource countingResultSets(DataSource target, AtomicInteger open) {
        return proxy(DataSource.class, target, open);
    }

    private static <T> T proxy(Class<T> type, Object target, AtomicInteger open) {
        return type.cast(Proxy.newProxyInstance(RunTimeFailuresContract.class.getClassLoader(), new Class<?>[] {type},
                (self, method, arguments) -> {
                    if (type == ResultSet.class && method.getName().equals("close") && !((ResultSet) target).isClosed()) {
                        open.decrementAndGet();
                    }
                    Object result;
                    try {
                        result = method.invoke(target, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    Class<?> returned = method.getReturnType();
                    if (result != null && (returned == Connection.class || Statement.class.isAssignableFrom(returned))) {
                        return proxy(returned, result, open);
                    }
                    if (result != null && returned == ResultSet.class && type != ResultSet.class) {
                        open.incrementAndGet();
                        return proxy(ResultSet.class, result, open);
                    }
                    return result;
                }));
    }
}
