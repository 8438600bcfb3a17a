package org.certtrack.seed.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certtrack.seed.EngineerBuilder.anEngineer;

import org.certtrack.EngineerRepository;
import org.certtrack.seed.DataSet;
import org.certtrack.seed.SeedResult;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link CertTrackTest} configures the extension from its attributes. */
@CertTrackTest(database = CertTrackTest.Database.EMBEDDED, standardData = true, seed = 11)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertTrackTestAnnotationTest {

    @Test
    @Order(1)
    void loadsTheStandardDataSetWithTheSeed(TestDatabase database, SeedResult preloaded, EngineerRepository engineers) {
        assertThat(database.isPostgres()).isFalse();
        assertThat(preloaded.seed()).isEqualTo(11);
        assertThat(preloaded.dataSet()).isEqualTo(DataSet.standard());
        assertThat(engineers.count()).isEqualTo(10);
        engineers.add(anEngineer().build());
    }

    @Test
    @Order(2)
    void isolatesTests(EngineerRepository engineers) {
        assertThat(engineers.count()).isEqualTo(10);
    }
}
