package org.example.bootbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackBuilder;
import org.certtrack.CertTrackException;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.PageRequest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** certtrack, with both BOMs imported, runs on Spring Boot's versions of the stack. */
class BootVersionsTest {

    @TempDir
    Path directory;

    @Test
    void theStackIsBootsVersions() {
        assertEquals(System.getProperty("boot.hibernate.version"), org.hibernate.Version.getVersionString(), "Hibernate ORM");
        assertJar(Flyway.class, "flyway-core-" + System.getProperty("boot.flyway.version") + ".jar");
        assertJar(org.h2.Driver.class, "h2-" + System.getProperty("boot.h2.version") + ".jar");
    }

    @Test
    void certtrackWorksOnThem() {
        CertTrackBuilder builder = CertTrack.builder().embedded(directory.resolve("certtrack"));
        try (CertTrack certTrack = builder.build()) {
            long id = certTrack.inTransaction(work -> {
                Engineer ada = new Engineer("Ada Lovelace", "backend", 36);
                ada.addCertificate(new Certificate("AWS", 2027));
                return work.engineers().add(ada).getId();
            });
            List<Certificate> due = certTrack.read(work -> work.certificates().findExpiringInOrBefore(2027, PageRequest.first()));
            assertEquals(1, due.size(), "certificates due by 2027");
            CertTrackException unknown = assertThrows(CertTrackException.class,
                    () -> certTrack.useTransaction(work -> work.engineers().getById(id + 1000)), "an unknown id");
            assertTrue(unknown.getMessage().startsWith("Engineer.id"), unknown.getMessage());
        }
    }

    private static void assertJar(Class<?> type, String jar) {
        String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(location.endsWith("/" + jar), type.getName() + " comes from " + location + ", expected " + jar);
    }
}
