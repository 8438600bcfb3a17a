package org.certtrack.apicheck;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.certtrack.CertTrack;
import org.certtrack.seed.Seeder;
import org.certtrack.spring.CertTrackAutoConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API of each published jar is the one recorded in its module's {@code api/<artifactId>.api}: a change
 * to a public type, method or field fails the build until the file is regenerated and committed (with a
 * CHANGELOG entry). {@code -Dcerttrack.api.update=true} regenerates the files.
 */
class PublishedApiTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "core,                certtrack-core,                org.certtrack.CertTrack",
            "seed-module,         certtrack-seed,                org.certtrack.seed.Seeder",
            "spring-boot-starter, certtrack-spring-boot-starter, org.certtrack.spring.CertTrackAutoConfiguration",
    })
    void matchesTheRecordedBaseline(String module, String artifactId, String aClassInIt) throws Exception {
        Class<?> member = Class.forName(aClassInIt, false, getClass().getClassLoader());
        String actual = ApiSignatures.of(locationOf(member), getClass().getClassLoader());
        ApiBaseline baseline = new ApiBaseline(artifactId,
                Path.of(System.getProperty("certtrack.root", "..")).resolve(module).resolve("api").resolve(artifactId + ".api")
                        .normalize());
        if (Boolean.getBoolean(ApiBaseline.UPDATE_PROPERTY)) {
            baseline.update(actual);
        } else {
            baseline.check(actual);
        }
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    // Referenced so that a rename of these anchors fails compilation here rather than at run time.
    @SuppressWarnings("unused")
    private static final Class<?>[] ANCHORS = {CertTrack.class, Seeder.class, CertTrackAutoConfiguration.class};
}
