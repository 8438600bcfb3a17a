package org.certtrack.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PeerRowsTest {

    private final String rows = PeerRows.text(List.of(
            new PeerRows.Row(7, "Grace", List.of(12L, 11L)),
            new PeerRows.Row(3, "Linus", List.of())));

    @Test
    void writesOneInstructorALineAsThePeerDoes() {
        assertThat(rows).as("the peer's Workloads.rows format").isEqualTo("7\tGrace\t12,11\n3\tLinus\t\n");
    }

    @Test
    void acceptsTheSameRowsAndNamesTheFirstLineThatDiffers() {
        assertThatCode(() -> PeerRows.requireSame("page", rows, rows)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PeerRows.requireSame("page", rows, "7\tGrace\t11,12\n3\tLinus\t\n"))
                .as("engineers in another order")
                .hasMessageContaining("line 1").hasMessageContaining("12,11").hasMessageContaining("11,12");
        assertThatThrownBy(() -> PeerRows.requireSame("page", rows, "7\tGrace\t12,11\n"))
                .as("a missing instructor").hasMessageContaining("line 2").hasMessageContaining("(no line)");
        assertThatThrownBy(() -> PeerRows.requireSame("page", "", ""))
                .as("nothing read proves nothing").hasMessageContaining("certtrack read no rows");
    }

    @Test
    void acceptsIdenticalJsonAndShowsWhereItDiffers() {
        byte[] certtrack = "[{\"id\":7,\"created_at\":\"2024-01-02T03:04:05.123456Z\"}]".getBytes(UTF_8);
        assertThatCode(() -> PeerRows.requireSameBytes("GET /instructors", certtrack, certtrack.clone()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PeerRows.requireSameBytes("GET /instructors", certtrack,
                "[{\"id\":7,\"created_at\":1704164645.123456}]".getBytes(UTF_8)))
                .as("a timestamp written as a number").hasMessageContaining("from byte 22");
        assertThatThrownBy(() -> PeerRows.requireSameBytes("GET /instructors", certtrack, "[]".getBytes(UTF_8)))
                .as("a body that is a prefix of the other's length").hasMessageContaining("peer 2");
    }
}
