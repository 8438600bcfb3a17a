package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link RunTimeFailuresContract} on PostgreSQL, and what only PostgreSQL shows: a wrong password at run
 * time, and a read pool that cannot open at start-up.
 */
@RequiresPostgres
@ExtendWith(ThrowawayCluster.ServerBinaries.class)
class RunTimeFailuresIT extends RunTimeFailuresContract {

    private static final String RIGHT = "Right-Secret-1";
    private static final String CHANGED = "Changed-Secret-2";

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    @Test
    void aWrongPasswordAtRunTimeIsNotAnUnavailableDatabase() throws Exception {
        try (ThrowawayCluster cluster = ThrowawayCluster.create("wrong-password")) {
            cluster.start();
            asPostgres(cluster, "CREATE ROLE app LOGIN SUPERUSER PASSWORD '" + RIGHT + "'");
            cluster.requirePasswords();
            try (CertTrack app = CertTrack.builder()
                    .url("jdbc:postgresql://" + cluster.hostAndPort() + "/postgres?user=app&password=" + RIGHT)
                    .maximumPoolSize(1).connectionTimeout(Duration.ofSeconds(1)).build()) {
                long engineers = app.inTransaction(work -> work.engineers().count());
                assertThat(engineers).as("engineers, with the right password").isZero();
                asPostgres(cluster, "ALTER ROLE app PASSWORD '" + CHANGED + "'");
                ((HikariDataSource) app.dataSource()).getHikariPoolMXBean().softEvictConnections();

                long started = System.nanoTime();
                assertThatThrownBy(() -> app.inTransaction(RetryPolicy.upTo(3).alsoWhenUnavailable(), work -> work.engineers().count()))
                        .isInstanceOf(CertTrackException.class)
                        .isNotInstanceOf(DatabaseUnavailableException.class)
                        .hasMessageContaining("refused certtrack's credentials")
                        .hasMessageContaining("28P01")
                        .hasMessageNotContaining(RIGHT)
                        .hasMessageNotContaining(CHANGED);
                System.out.printf("wrong password at run time: refused after %d ms, not retried (connectionTimeout 1000 ms,"
                        + " RetryPolicy.upTo(3).alsoWhenUnavailable())%n", (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    @Test
    void buildClosesHibernateWhenTheReadPoolCannotOpen() {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        SessionFactoryObserver observer = new SessionFactoryObserver() {
            @Override
            public void sessionFactoryCreated(SessionFactory factory) {
                opened.incrementAndGet();
            }

            @Override
            public void sessionFactoryClosed(SessionFactory factory) {
                closed.incrementAndGet();
            }
        };
        // Two hosts (the same server twice), and reads only from a standby: there is none, so the read pool fails.
        String url = database.jdbcUrl().replaceFirst("//([^/]+)/", "//$1,$1/") + "&targetServerType=secondary";
        assertThatThrownBy(() -> CertTrack.builder().url(url).migrate(false).connectionTimeout(Duration.ofMillis(500))
                .property("hibernate.session_factory_observer", observer).build())
                .isInstanceOf(CertTrackException.class);
        assertThat(opened).as("Hibernate started").hasValue(1);
        assertThat(closed).as("Hibernate closed after the read pool failed").hasValue(1);
    }

    private static void asPostgres(ThrowawayCluster cluster, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
