package org.certtrack.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What both sides of a peer comparison must agree on before either is timed: the instructors they read
 * (ids and names, in order) and each one's engineer ids (in order), as text, one instructor a line, the
 * same format the peer's {@code Workloads} writes; and the bytes of the JSON both servers answer.
 */
final class PeerRows {

    /** One instructor as read: id, name, engineer ids in order. */
    record Row(long id, String name, List<Long> engineerIds) {
    }

    private PeerRows() {
    }

    /** {@code id TAB name TAB engineer ids, comma separated}, one instructor a line. */
    static String text(List<Row> rows) {
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            text.append(row.id()).append('\t').append(row.name()).append('\t')
                    .append(row.engineerIds().stream().map(String::valueOf).collect(Collectors.joining(","))).append('\n');
        }
        return text.toString();
    }

    /**
     * @throws IllegalStateException naming the first line that differs, when certtrack's rows and the peer's
     *                               differ or there are none
     */
    static void requireSame(String what, String certtrack, String peer) {
        if (certtrack.isEmpty()) {
            throw new IllegalStateException("Benchmark invalid: " + what + ": certtrack read no rows");
        }
        List<String> ours = certtrack.lines().toList();
        List<String> theirs = peer.lines().toList();
        for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
            String mine = i < ours.size() ? ours.get(i) : "(no line)";
            String other = i < theirs.size() ? theirs.get(i) : "(no line)";
            if (!mine.equals(other)) {
                throw new IllegalStateException("Benchmark invalid: " + what + ": certtrack and the peer read different rows;"
                        + " first difference on line " + (i + 1) + " (id, name, engineer ids):\n  certtrack: "
                        + abbreviate(mine) + "\n  peer:      " + abbreviate(other));
            }
        }
    }

    /**
     * @throws IllegalStateException naming the first byte that differs, with some context, when the two bodies
     *                               are not byte for byte the same
     */
    static void requireSameBytes(String what, byte[] certtrack, byte[] peer) {
        int length = Math.min(certtrack.length, peer.length);
        int at = 0;
        while (at < length && certtrack[at] == peer[at]) {
            at++;
        }
        if (at == length && certtrack.length == peer.length) {
            return;
        }
        throw new IllegalStateException("Benchmark invalid: " + what + ": the JSON differs from byte " + at
                + " (certtrack " + certtrack.length + " bytes, peer " + peer.length + "):\n  certtrack: ..."
                + around(certtrack, at) + "\n  peer:      ..." + around(peer, at));
    }

    private static String around(byte[] body, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(body.length, at + 40);
        return new String(body, from, to - from, StandardCharsets.UTF_8) + (to < body.length ? "..." : "");
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
