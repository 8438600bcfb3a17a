package org.certtrack.benchmarks;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs every benchmark against PostgreSQL (and H2 for the cold start), prints a table of medians and
 * ratios, and writes {@code benchmarks/target/benchmark-results.json}.
 *
 * <pre>java -jar benchmarks/target/certtrack-benchmarks.jar [--quick] [--only name,name]</pre>
 *
 * Names: seed, write, instructors, page (every paged read at 1x and 10x), deep-pages (page 4 and page 4,000 by
 * number and by keyset), derived-list, cold-start, http; and
 * beside the Spring Data JPA peer ({@link PeerBenchmark}), peer for all of peer-page, peer-instructors,
 * peer-write, peer-cold-start, peer-http. {@code --quick} shrinks every data set tenfold and runs fewer
 * rounds, to check the suite works; its figures mean little.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--only") && i + 1 < args.length) {
                only = Set.of(args[i + 1].split(","));
            }
        }
        int scale = quick ? 10 : 1;
        Harness harness = quick ? new Harness(1, 3) : new Harness(2, 7);
        System.out.println("certtrack benchmarks on " + BenchmarkDatabase.serverUrl().replaceAll("(?i)password=[^&]*", "password=****")
                + (quick ? " (quick: data sets / 10)" : ""));

        List<Result> results = new ArrayList<>();
        if (selected(only, "seed")) {
            new BulkSeedBenchmark(50_000 / scale).run(harness, quick).forEach(r -> results.add(print(r)));
        }
        if (selected(only, "write")) {
            results.add(print(new OrmWriteBenchmark(50_000 / scale).run(harness)));
        }
        if (selected(only, "instructors")) {
            new InstructorsWithEngineersBenchmark(1_000 / scale, 20_000 / scale).run(harness).forEach(r -> results.add(print(r)));
        }
        if (selected(only, "page")) {
            // Page 4 of 100 must exist on the smaller table, also with --quick's tenth of the data.
            new PagedReadsBenchmark(Math.max(2_000 / scale, 1_000)).run(harness).forEach(r -> results.add(print(r)));
        }
        if (selected(only, "deep-pages")) {
            new DeepPagesBenchmark(20_000 / scale).run(quick ? new Harness(3, 21) : new Harness(10, 101)).forEach(r -> results.add(print(r)));
        }
        if (selected(only, "derived-list")) {
            results.add(print(new DerivedListBenchmark(50_000 / scale, 10_000 / scale).run(harness)));
        }
        if (selected(only, "cold-start")) {
            // Each round starts fresh JVMs; --quick only checks that they start and agree, in one round.
            results.add(print(ColdStart.run(quick ? new Harness(0, 1) : new Harness(1, 5))));
        }
        if (selected(only, "http")) {
            new HttpRoutesBenchmark(Duration.ofSeconds(quick ? 3 : 15)).run().forEach(r -> results.add(print(r)));
        }
        PeerBenchmark peer = new PeerBenchmark(harness);
        if (selected(only, "peer") || only.contains("peer-page")) {
            // A page takes milliseconds: both JVMs need many more calls than the seconds-long reads to warm up.
            peer.page(20_000 / scale, quick ? new Harness(10, 21) : new Harness(50, 101)).forEach(r -> results.add(print(r)));
        }
        if (selected(only, "peer") || only.contains("peer-instructors")) {
            peer.all(1_000 / scale, 20_000 / scale).forEach(r -> results.add(print(r)));
        }
        if (selected(only, "peer") || only.contains("peer-write")) {
            results.add(print(peer.write(50_000 / scale)));
        }
        if (selected(only, "peer") || only.contains("peer-cold-start")) {
            results.add(print(ColdStart.againstPeer(quick ? new Harness(0, 1) : new Harness(1, 5))));
        }
        if (selected(only, "peer") || only.contains("peer-http")) {
            new PeerHttpBenchmark(1_000 / scale, 20_000 / scale, Duration.ofSeconds(quick ? 3 : 10)).run()
                    .forEach(r -> results.add(print(r)));
        }

        System.out.println();
        System.out.println(table(results));
        Path json = Path.of("benchmarks", "target", "benchmark-results.json");
        Files.createDirectories(json.getParent());
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(json.toFile(), results);
        System.out.println("Wrote " + json);
    }

    private static boolean selected(Set<String> only, String name) {
        return only.isEmpty() || only.contains(name);
    }

    private static Result print(Result result) {
        System.out.printf(Locale.ROOT, "%s: %.1f %s vs %.1f (%s), ratio %.2f%n", result.name(), result.value(),
                result.unit(), result.baselineValue(), result.baseline(), result.ratio());
        return result;
    }

    static String table(List<Result> results) {
        StringBuilder table = new StringBuilder("| benchmark | certtrack | baseline | baseline value | ratio |\n|---|---|---|---|---|\n");
        for (Result result : results) {
            table.append(String.format(Locale.ROOT, "| %s | %,.1f %s | %s | %,.1f %s | %.2f |%n", result.name(), result.value(),
                    result.unit(), result.baseline(), result.baselineValue(), result.unit(), result.ratio()));
        }
        return table.toString();
    }
}
