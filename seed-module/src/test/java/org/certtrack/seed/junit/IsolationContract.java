package org.certtrack.seed.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certtrack.seed.EngineerBuilder.anEngineer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.certtrack.CertTrack;
import org.certtrack.PageRequest;
import org.certtrack.EngineerRepository;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two test classes, and two tests of one class, do not see each other's data. Each concrete class (two on
 * H2, two on PostgreSQL, sharing one server) writes markers named after itself, committed and uncommitted,
 * and checks that it never finds a marker it did not write in this test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class IsolationContract {

    /** The database each class ran on, by class name, to show every class got its own. */
    private static final Map<String, String> DATABASES = new ConcurrentHashMap<>();

    private String marker() {
        return "Marker of " + getClass().getSimpleName();
    }

    @Test
    @Order(1)
    void writesMarkers(CertTrack certTrack, EngineerRepository engineers, TestDatabase database) {
        assertNoMarkers(engineers);
        String previous = DATABASES.putIfAbsent(getClass().getSimpleName(), database.toString());
        assertThat(previous).isNull();
        assertThat(DATABASES.entrySet()).as("every class has a database of its own")
                .filteredOn(entry -> !entry.getKey().equals(getClass().getSimpleName()))
                .extracting(Map.Entry::getValue).doesNotContain(database.toString());

        certTrack.useTransaction(work -> work.engineers().add(anEngineer().named(marker() + ", committed").build()));
        engineers.add(anEngineer().named(marker() + ", in the test's transaction").build());
        assertThat(engineers.findByNameContaining(marker(), PageRequest.first())).hasSize(2);
    }

    @Test
    @Order(2)
    void theNextTestStartsWithout(EngineerRepository engineers) {
        assertNoMarkers(engineers);
    }

    private static void assertNoMarkers(EngineerRepository engineers) {
        assertThat(engineers.findByNameContaining("Marker of ", PageRequest.first())).as("markers written by other tests or classes").isEmpty();
        assertThat(engineers.count()).as("only the preloaded standard data set").isEqualTo(10);
    }
}
