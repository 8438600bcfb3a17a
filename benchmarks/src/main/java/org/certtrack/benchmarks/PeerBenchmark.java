package org.certtrack.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.certtrack.CertTrack;

/**
 * certtrack beside its peer, what a competent Spring team would write instead (Spring Data JPA repositories
 * with {@code @EntityGraph}, read-only transactional services: the {@code benchmarks-peer} module), each
 * side in its own JVM, rounds alternating. The peer is the baseline; ratios are certtrack over the peer.
 * Before timing a read, both sides must read the same rows.
 */
final class PeerBenchmark {

    private static final int PAGE = 3;
    private static final int PAGE_SIZE = 100;
    private static final String ONE_NATIVE_SELECT = "peer: one native select through JdbcClient";

    private final Harness harness;

    PeerBenchmark(Harness harness) {
        this.harness = harness;
    }

    /** A page of 100 instructors with their engineers, on a table of {@code instructors} (about 4 engineers each). */
    List<Result> page(int instructors, Harness harness) throws Exception {
        try (BenchmarkDatabase database = loaded(instructors * 2, 2, instructors);
             CertTrack certTrack = database.certTrack().build();
             PeerProcess peer = PeerProcess.workloads(database.jdbcUrl("reWriteBatchedInserts=true"))) {
            String entityGraph = "page " + PAGE + " " + PAGE_SIZE;
            String oneSelect = "page-one-select " + PAGE + " " + PAGE_SIZE;
            String entitiesInOneSelect = "page-entities-one-select " + PAGE + " " + PAGE_SIZE;
            String certtrackRows = PeerRows.text(CertTrackSide.rowsPage(certTrack, PAGE, PAGE_SIZE));
            String what = "a page of 100 instructors with engineers, " + instructors + " instructors";
            PeerRows.requireSame(what + " (summaries, entity graph)", certtrackRows, peer.rows(entityGraph));
            PeerRows.requireSame(what + " (entities)", PeerRows.text(CertTrackSide.entitiesPage(certTrack, PAGE, PAGE_SIZE)), certtrackRows);
            PeerRows.requireSame(what + " (one select)", certtrackRows, peer.rows(oneSelect));
            PeerRows.requireSame(what + " (entities, one select)", certtrackRows, peer.rows(entitiesInOneSelect));

            Harness.Trial rows = () -> InstructorsWithEngineersBenchmark.timed(() -> CertTrackSide.rowsPage(certTrack, PAGE, PAGE_SIZE));
            Harness.Trial entities = () -> InstructorsWithEngineersBenchmark.timed(
                    () -> CertTrackSide.entitiesPage(certTrack, PAGE, PAGE_SIZE));
            Harness.Medians summaries = harness.compare(rows, () -> peer.seconds(entityGraph));
            Harness.Medians entitiesAgainstEntityGraph = harness.compare(entities, () -> peer.seconds(entityGraph));
            Harness.Medians entitiesAgainstEntitiesInOneSelect = harness.compare(entities, () -> peer.seconds(entitiesInOneSelect));
            Harness.Medians entitiesAgainstOneSelect = harness.compare(entities, () -> peer.seconds(oneSelect));
            Harness.Medians againstOneSelect = harness.compare(rows, () -> peer.seconds(oneSelect));
            String entityGraphPeer = "peer: Spring Data @EntityGraph page (ids, then graph)";
            return List.of(
                    Result.time("vs peer: " + what + ", findRowsWithEngineers (the HTTP route's path)", "ms",
                            summaries.contender() * 1000, entityGraphPeer, summaries.baseline() * 1000),
                    Result.time("vs peer: " + what + ", entities, findAllWithEngineers", "ms",
                            entitiesAgainstEntityGraph.contender() * 1000, entityGraphPeer, entitiesAgainstEntityGraph.baseline() * 1000),
                    Result.time("vs peer: " + what + ", entities, findAllWithEngineers", "ms",
                            entitiesAgainstEntitiesInOneSelect.contender() * 1000,
                            "peer: entities in one select (join fetch, the page's ids a subquery)",
                            entitiesAgainstEntitiesInOneSelect.baseline() * 1000),
                    Result.time("vs peer: " + what + ", entities, findAllWithEngineers", "ms",
                            entitiesAgainstOneSelect.contender() * 1000, ONE_NATIVE_SELECT, entitiesAgainstOneSelect.baseline() * 1000),
                    Result.time("vs peer: " + what + ", findRowsWithEngineers", "ms", againstOneSelect.contender() * 1000,
                            ONE_NATIVE_SELECT, againstOneSelect.baseline() * 1000));
        }
    }

    /** Every instructor with all their engineers ({@code engineers} x 5 certificates from {@code instructors}). */
    List<Result> all(int instructors, int engineers) throws Exception {
        try (BenchmarkDatabase database = loaded(engineers, 5, instructors);
             CertTrack certTrack = database.certTrack().build();
             PeerProcess peer = PeerProcess.workloads(database.jdbcUrl("reWriteBatchedInserts=true"))) {
            List<PeerRows.Row> read = CertTrackSide.allAsEntities(certTrack);
            int pairs = read.stream().mapToInt(row -> row.engineerIds().size()).sum();
            String entities = PeerRows.text(read);
            String what = instructors + " instructors with their engineers (" + pairs + " pairs)";
            PeerRows.requireSame(what + " (entities)", entities, peer.rows("all"));
            PeerRows.requireSame(what + " (streamed)", PeerRows.text(CertTrackSide.allStreamed(certTrack)), entities);

            Harness.Medians asEntities = harness.compare(
                    () -> InstructorsWithEngineersBenchmark.timed(() -> CertTrackSide.allAsEntities(certTrack)),
                    () -> peer.seconds("all"));
            Harness.Medians streamed = harness.compare(
                    () -> InstructorsWithEngineersBenchmark.timed(() -> CertTrackSide.allStreamed(certTrack)),
                    () -> peer.seconds("all"));
            String entityGraphPeer = "peer: Spring Data @EntityGraph, all in one select";
            return List.of(
                    Result.time("vs peer: " + what + ", entities, findAllWithEngineers in pages of 500", "ms",
                            asEntities.contender() * 1000, entityGraphPeer, asEntities.baseline() * 1000),
                    Result.time("vs peer: " + what + ", forEachRowWithEngineers", "ms",
                            streamed.contender() * 1000, entityGraphPeer, streamed.baseline() * 1000));
        }
    }

    /** {@code engineers} new engineers with 2 certificates each, in one transaction, both sides batching inserts. */
    Result write(int engineers) throws Exception {
        try (BenchmarkDatabase database = BenchmarkDatabase.create();
             CertTrack certTrack = database.certTrack().build();
             PeerProcess peer = PeerProcess.workloads(database.jdbcUrl("reWriteBatchedInserts=true"))) {
            List<Long> rows = new ArrayList<>();
            Harness.Medians medians = harness.compare(
                    () -> {
                        database.truncate();
                        double seconds = InstructorsWithEngineersBenchmark.timed(() -> {
                            CertTrackSide.write(certTrack, engineers);
                            return null;
                        });
                        rows.add(rows(database));
                        return seconds;
                    },
                    () -> {
                        database.truncate();
                        double seconds = peer.seconds("write " + engineers);
                        rows.add(rows(database));
                        return seconds;
                    });
            double written = engineers * 3.0;
            InstructorsWithEngineersBenchmark.check(rows.stream().allMatch(r -> r == (long) written),
                    "a side wrote other than " + (long) written + " rows: " + rows);
            return Result.throughput("vs peer: write " + engineers + " engineers x 2 certificates, one transaction, "
                            + "flush+clear per 1,000", "rows/s", written / medians.contender(),
                    "peer: saveAll, JDBC batches of 50, reWriteBatchedInserts", written / medians.baseline());
        }
    }

    private static long rows(BenchmarkDatabase database) throws Exception {
        try (Connection connection = database.connect("");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT (SELECT COUNT(*) FROM engineers) + (SELECT COUNT(*) FROM certificates)")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static BenchmarkDatabase loaded(int engineers, int certificatesPerEngineer, int instructors) throws Exception {
        BenchmarkDatabase database = BenchmarkDatabase.create();
        try (Connection connection = database.connect("")) {
            new CopyLoader(engineers, certificatesPerEngineer, instructors).load(connection);
        }
        database.analyze();
        return database;
    }
}
