package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUnavailableException;
import org.certtrack.EngineerRepository;
import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;
import org.certtrack.spring.app.NotesApplication;
import org.certtrack.spring.app.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A PostgreSQL server that stops answering while a {@code @Transactional} method runs (a loopback proxy in
 * front of it goes silent): in the middle of the method, during the flush at commit, and during the COMMIT
 * itself, after the flush went through. The caller gets certtrack's {@link DatabaseUnavailableException}
 * naming Boot's property, never Spring's failure to roll back over a connection that is gone, and never
 * "nothing was written" for a COMMIT that got no answer.
 */
@RequiresPostgres
class SilentServerIT {

    /** pgjdbc's socketTimeout on Boot's pool, in seconds, as an application sets it. */
    private static final int SOCKET_TIMEOUT_SECONDS = 2;
    private static final Duration NEVER_THIS_LONG = Duration.ofSeconds(60);

    private TestDatabase database;
    private SilentProxy proxy;
    private ConfigurableApplicationContext context;

    @BeforeEach
    void openDatabaseBehindAProxy() throws Exception {
        database = TestDatabase.postgres();
        URI target = URI.create(database.url().jdbcUrl().substring("jdbc:".length()));
        proxy = new SilentProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort());
    }

    @AfterEach
    void close() throws Exception {
        if (context != null) {
            context.close();
        }
        proxy.close();
        database.close();
    }

    @Test
    void aServerSilentInTheMiddleOfTheMethodIsDatabaseUnavailableNamingTheSocketTimeout() {
        Team team = start().getBean(Team.class);
        team.hire("Ada Lovelace", "mathematics", "Grace Hopper", "first");

        Throwable failure = silently(() -> team.countTwice(proxy::goSilent));

        assertThat(failure).as("what the method threw when the server stopped answering mid-method")
                .isExactlyInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("spring.datasource.hikari.data-source-properties.socketTimeout=" + SOCKET_TIMEOUT_SECONDS);
        assertThat(((DatabaseUnavailableException) failure).mayHaveBeenWritten()).as("written, mid-method").isFalse();
    }

    @Test
    void aServerSilentDuringTheFlushAtCommitIsDatabaseUnavailableThatWroteNothing() {
        Team team = start().getBean(Team.class);
        long id = team.hire("Ada Lovelace", "mathematics", "Grace Hopper", "first");

        Throwable failure = silently(() -> team.renameEngineer(id, "Ada King", proxy::goSilent));

        assertThat(failure).as("what the method threw when the flush at commit got no answer")
                .isExactlyInstanceOf(DatabaseUnavailableException.class);
        assertThat(((DatabaseUnavailableException) failure).mayHaveBeenWritten()).as("written, before the COMMIT").isFalse();
    }

    @Test
    void aCommitWithoutAnswerNeverSaysNothingWasWritten() {
        Team team = start().getBean(Team.class);
        long id = team.hire("Ada Lovelace", "mathematics", "Grace Hopper", "first");

        Throwable failure = silently(() -> team.renameEngineer(id, "Ada King", this::goSilentJustBeforeTheCommit));

        // Spring's transaction manager commits, and says only what it knows: the resource failed.
        assertThat(failure).as("what the method threw when the COMMIT got no answer")
                .isExactlyInstanceOf(DataAccessResourceFailureException.class);
        assertInDoubtIfCertTracks(failure);
    }

    @Test
    void underCertTracksOwnTransactionManagerACommitWithoutAnswerMayHaveBeenWritten() {
        Team team = start(OwnTransactionManager.class).getBean(Team.class);
        long id = team.hire("Ada Lovelace", "mathematics", "Grace Hopper", "first");

        Throwable failure = silently(() -> team.renameEngineer(id, "Ada King", this::goSilentJustBeforeTheCommit));

        assertThat(failure).as("what the method threw when the COMMIT got no answer")
                .isExactlyInstanceOf(DatabaseUnavailableException.class);
        assertInDoubtIfCertTracks(failure);
    }

    /** After every synchronization's beforeCommit (certtrack's flush among them), just before Spring commits. */
    private void goSilentJustBeforeTheCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCompletion() {
                proxy.goSilent();
            }
        });
    }

    private static void assertInDoubtIfCertTracks(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertTrackException certTrack) {
                assertThat(certTrack).as("certtrack's exception for a COMMIT without answer")
                        .isInstanceOf(DatabaseUnavailableException.class);
                assertThat(((DatabaseUnavailableException) certTrack).mayHaveBeenWritten())
                        .as("whether the unit may have been written").isTrue();
                assertThat(certTrack.getMessage()).doesNotContain("nothing was written");
            }
        }
    }

    private static Throwable silently(Runnable call) {
        return assertTimeoutPreemptively(NEVER_THIS_LONG, () -> catchThrowable(call::run));
    }

    private ConfigurableApplicationContext start(Class<?>... more) {
        String throughProxy = database.url().jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
        List<Class<?>> sources = new ArrayList<>(List.of(NotesApplication.class));
        sources.addAll(List.of(more));
        context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).properties(
                "spring.datasource.url=" + throughProxy,
                "spring.datasource.username=" + database.url().username(),
                "spring.datasource.password=" + (database.url().password() == null ? "" : database.url().password()),
                "spring.datasource.hikari.maximum-pool-size=2",
                "spring.datasource.hikari.data-source-properties.socketTimeout=" + SOCKET_TIMEOUT_SECONDS,
                // The connection is gone when Hikari and Hibernate close it: expected here, not worth a warning.
                "logging.level.com.zaxxer.hikari=error",
                "logging.level.org.hibernate.engine.jdbc=error").run();
        assertThat(context.getBean(EngineerRepository.class)).isNotNull();
        return context;
    }

    /** An application that chose certtrack's transaction manager for all its transactions. */
    @Configuration(proxyBeanMethods = false)
    static class OwnTransactionManager {

        @Bean
        CertTrackTransactionManager transactionManager() {
            return new CertTrackTransactionManager();
        }
    }
}
