package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Migrating on PostgreSQL as production does it: several application instances starting at once on an
 * empty schema, and a schema owner that migrates while the application's own user may only read and
 * write rows.
 */
@RequiresPostgres
class MigrationSafetyIT {

    /** How many migration scripts certtrack has: one per version. */
    private static final int SCRIPTS = Integer.parseInt(MigrationsContract.LATEST_VERSION);


    private static final int ROUNDS = 3;

    @Test
    void twoProcessesMigratingTheSameEmptySchemaAtOnceBothSucceedAndApplyEachScriptOnce() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            try (TestDatabase empty = TestDatabase.postgres()) {
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService processes = Executors.newFixedThreadPool(2);
                try {
                    List<Future<Integer>> applied = new ArrayList<>();
                    for (int process = 0; process < 2; process++) {
                        // Each with its own connection pool, as two JVMs would have.
                        applied.add(processes.submit(() -> {
                            start.await();
                            try (CertTrack certTrack = empty.certTrack().build()) {
                                certTrack.useTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)));
                                return certTrack.startupMigration().applied().size();
                            }
                        }));
                    }
                    start.countDown();
                    int first = applied.get(0).get(60, TimeUnit.SECONDS);
                    int second = applied.get(1).get(60, TimeUnit.SECONDS);
                    System.out.printf("concurrent migration, round %d: one process applied %d scripts, the other %d%n",
                            round, first, second);

                    assertThat(first + second).as("each of the " + SCRIPTS + " scripts applied once, by one process or the other")
                            .isEqualTo(SCRIPTS);
                    try (Connection connection = DriverManager.getConnection(empty.jdbcUrl())) {
                        assertThat(count(connection, "SELECT COUNT(*) FROM \"certtrack_schema_history\" WHERE \"version\" IS NOT NULL"))
                                .as("history rows").isEqualTo(SCRIPTS);
                        assertThat(count(connection, "SELECT COUNT(DISTINCT \"version\") FROM \"certtrack_schema_history\""
                                + " WHERE \"success\"")).isEqualTo(SCRIPTS);
                        assertThat(count(connection, "SELECT COUNT(*) FROM engineers")).as("both processes work").isEqualTo(2);
                    }
                } finally {
                    processes.shutdownNow();
                }
            }
        }
    }

    @Test
    void migrationsRunAsTheOwnerWhileTheApplicationMayOnlyReadAndWriteRows() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String owner = "certtrack_owner_" + suffix;
        String app = "certtrack_app_" + suffix;
        String ownerPassword = UUID.randomUUID().toString();
        String appPassword = UUID.randomUUID().toString();
        try (TestDatabase database = TestDatabase.postgres()) {
            String schema = database.schema();
            try (Connection admin = DriverManager.getConnection(database.adminUrl());
                 Statement sql = admin.createStatement()) {
                try {
                    sql.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + ownerPassword + "'");
                    sql.execute("CREATE ROLE " + app + " LOGIN PASSWORD '" + appPassword + "'");
                    sql.execute("ALTER SCHEMA " + schema + " OWNER TO " + owner);
                    sql.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + app);
                    // Whatever the owner's migrations create, now or in a later version, the app may read and write.
                    sql.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA " + schema
                            + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app);
                    sql.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA " + schema
                            + " GRANT USAGE ON SEQUENCES TO " + app);

                    assertTheTwoRolesWork(database, owner, ownerPassword, app, appPassword);
                } finally {
                    // Hand everything back to the administrator (TestDatabase.close() drops the schema), then
                    // drop the roles with their privileges.
                    sql.execute("REASSIGN OWNED BY " + owner + " TO CURRENT_USER");
                    for (String role : List.of(app, owner)) {
                        sql.execute("DROP OWNED BY " + role);
                        sql.execute("DROP ROLE " + role);
                    }
                }
            }
        }
    }

    private static void assertTheTwoRolesWork(TestDatabase database, String owner, String ownerPassword,
                                              String app, String appPassword) throws SQLException {
        String appUrl = database.jdbcUrlAs(app, appPassword);
        String ownerUrl = database.jdbcUrlAs(owner, ownerPassword);

        assertThatThrownBy(() -> CertTrack.builder().url(appUrl).build())
                .as("the application's own user cannot migrate")
                .isInstanceOf(CertTrackException.class)
                .hasMessageContaining("permission denied")
                .hasMessageNotContaining(appPassword);

        try (CertTrack certTrack = CertTrack.builder().url(appUrl).migrationUrl(ownerUrl)
                .property("hibernate.hbm2ddl.auto", "validate").build()) {
            assertThat(certTrack.startupMigration().applied()).hasSize(SCRIPTS);
            assertThat(certTrack.toString()).contains("as " + owner).doesNotContain(ownerPassword, appPassword);

            long adaId = certTrack.inTransaction(work -> {
                Engineer ada = new Engineer("Ada", "backend", 36);
                new Instructor("Grace").addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
                return work.engineers().add(ada).getId();
            });
            certTrack.useTransaction(work -> work.engineers().getById(adaId).setName("Ada King"));
            certTrack.useTransaction(work -> work.certificates().delete(work.engineers().getById(adaId).getCertificates().get(0)));
            certTrack.useTransaction(work -> {
                assertThat(work.engineers().getById(adaId).getName()).isEqualTo("Ada King");
                assertThat(work.certificates().count()).isZero();
                assertThat(work.instructors().count()).isEqualTo(1);
            });
            assertThat(certTrack.migrations().currentVersion()).as("the app may read the history").contains(MigrationsContract.LATEST_VERSION);

            try (Connection connection = certTrack.dataSource().getConnection();
                 Statement sql = connection.createStatement()) {
                assertThat(sql.executeUpdate("INSERT INTO instructors (name) VALUES ('Raw writer')")).isEqualTo(1);
                for (String forbidden : List.of("DROP TABLE engineers", "ALTER TABLE engineers ADD COLUMN x INTEGER",
                        "ALTER TABLE engineers DROP CONSTRAINT ck_engineers_age_plausible", "TRUNCATE certificates",
                        "CREATE TABLE intruder (id INTEGER)", "DROP SEQUENCE engineers_id_seq")) {
                    assertThatThrownBy(() -> sql.execute(forbidden)).as(forbidden)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(forbidden)
                                    .isEqualTo("42501"));
                }
            }
        }
        try (Connection connection = DriverManager.getConnection(ownerUrl)) {
            assertThat(count(connection, "SELECT COUNT(*) FROM engineers")).as("nothing was dropped").isEqualTo(1);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
