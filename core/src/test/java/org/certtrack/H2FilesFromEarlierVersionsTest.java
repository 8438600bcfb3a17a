package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 database file stores the class name of its triggers, so an embedded application's data outlives any
 * rename: a file made by an earlier certtrack opens with this one, and its triggers still keep version and
 * updated_at. The triggers of new code are created under the stable name {@code org.certtrack.spi.H2RowRules}.
 */
class H2FilesFromEarlierVersionsTest {

    @TempDir
    Path dir;

    @Test
    void aFileMadeBy010OpensAndItsTriggersStillWork() throws Exception {
        Path base = copyOf("0.1.0");

        try (CertTrack certTrack = CertTrack.builder().embedded(base).build()) {
            assertThat(triggerClasses(certTrack)).as("the 0.1.0 file names the trigger by its pre-0.2.0 class")
                    .containsOnly("org.certtrack.internal.H2RowRules");
            assertThat(certTrack.startupMigration().applied()).extracting(Migrations.Applied::version)
                    .as("a 0.1.0 file (at V7) takes only the later versions").containsExactly("8");

            Engineer ada = certTrack.read(work -> work.engineers().findByNameContaining("Ada", PageRequest.first()).get(0));
            assertThat(ada.getAge()).as("the 0.1.0 data reads").isEqualTo(36);

            // A write that bypasses Hibernate, as another application's would: only the trigger bumps version.
            try (Connection connection = certTrack.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE engineers SET age = 37 WHERE id = " + ada.getId());
                try (ResultSet row = statement.executeQuery("SELECT version FROM engineers WHERE id = " + ada.getId())) {
                    row.next();
                    assertThat(row.getLong(1)).as("the trigger advanced version past the 0.1.0 row's").isEqualTo(ada.getVersion() + 1);
                }
                statement.executeUpdate("UPDATE instructors SET name = 'Grace B. Hopper'");
                try (ResultSet row = statement.executeQuery("SELECT updated_at, created_at FROM instructors")) {
                    row.next();
                    assertThat(row.getObject(1, OffsetDateTime.class)).as("the trigger moved updated_at past created_at")
                            .isAfter(row.getObject(2, OffsetDateTime.class));
                }
            }
        }
    }

    @Test
    void theStablePublicNameWorksAsATrigger() throws Exception {
        try (CertTrack certTrack = CertTrack.builder().embedded(dir.resolve("fresh")).build();
             Connection connection = certTrack.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE probe (id BIGINT PRIMARY KEY, note VARCHAR(20), version BIGINT)");
            statement.execute("CREATE TRIGGER tg_probe_version BEFORE INSERT, UPDATE ON probe FOR EACH ROW CALL '"
                    + org.certtrack.spi.H2RowRules.class.getName() + "'");
            statement.executeUpdate("INSERT INTO probe (id, note) VALUES (1, 'a')");
            statement.executeUpdate("UPDATE probe SET note = 'b' WHERE id = 1");
            try (ResultSet row = statement.executeQuery("SELECT version FROM probe WHERE id = 1")) {
                row.next();
                assertThat(row.getLong(1)).as("inserted at 0, advanced once by the update").isEqualTo(1);
            }
        }
    }

    private Path copyOf(String version) throws IOException {
        Path target = dir.resolve(version);
        Files.createDirectories(target);
        try (InputStream file = getClass().getResourceAsStream("/h2-files/" + version + "/certtrack.mv.db")) {
            assertThat(file).as("the " + version + " H2 file is a test resource").isNotNull();
            Files.copy(file, target.resolve("certtrack.mv.db"));
        }
        return target.resolve("certtrack");
    }

    private static List<String> triggerClasses(CertTrack certTrack) throws SQLException {
        List<String> classes = new ArrayList<>();
        try (Connection connection = certTrack.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT JAVA_CLASS FROM INFORMATION_SCHEMA.TRIGGERS")) {
            while (rows.next()) {
                classes.add(rows.getString(1));
            }
        }
        return classes;
    }
}
