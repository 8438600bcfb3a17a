package org.certtrack.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackException;
import org.certtrack.Engineer;
import org.certtrack.PageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Main} end to end on an embedded H2 file database, as {@code java -jar} runs it. */
class MainTest {

    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void firstRunLoadsTheStandardDataAndASecondRunFindsIt() {
        assertThat(run(new SeederDataLoader(), IN_2026)).isEqualTo(Main.OK);
        String first = output();
        assertThat(first).contains("The database was empty: loaded the standard data set (seed 1).",
                "Engineers (10)", "Instructors (4)", "Certificates expiring in 2026 (");
        String engineer = engineerNames().get(0);
        assertThat(first).contains(engineer + " (");

        out.reset();
        assertThat(run(new SeederDataLoader(), IN_2026)).isEqualTo(Main.OK);
        assertThat(output()).as("the second run finds the data and reports the same")
                .isEqualTo(first.replace("The database was empty: loaded the standard data set (seed 1).\n", ""));
    }

    @Test
    void theReportUsesTheClocksYear() {
        run(new SeederDataLoader(), Clock.offset(IN_2026, java.time.Duration.ofDays(365)));
        long expiring = certificatesExpiringIn(2027);
        assertThat(expiring).as("the standard data set has certificates expiring in 2027").isPositive();
        assertThat(output()).contains("Certificates expiring in 2027 (" + expiring + ")");
    }

    @Test
    void reseedReplacesTheDataWithTheGivenSeedsDataSet() {
        RecordingLoader loader = new RecordingLoader();
        run(loader, IN_2026);
        List<String> seedOne = engineerNames();

        out.reset();
        assertThat(run(loader, IN_2026, "--reseed", "42")).isEqualTo(Main.OK);
        assertThat(loader.seeds).containsExactly(1L, 42L);
        assertThat(output()).contains("Replaced the data with the standard data set (seed 42).", "Engineers (10)");
        assertThat(engineerNames()).as("seed 42 makes other engineers than seed 1").isNotEqualTo(seedOne).hasSize(10);

        out.reset();
        assertThat(run(loader, IN_2026, "--reseed", "1")).as("the run that reseeds with seed 1, which printed:%n%s%s",
                output(), errors()).isEqualTo(Main.OK);
        assertThat(engineerNames()).as("the same seed makes the same engineers").isEqualTo(seedOne);
    }

    @Test
    void engineersLoadsASizedDataSetShowingProgress() {
        DataLoader sized = new DataLoader() {
            @Override
            public void loadStandard(CertTrack certTrack, long seed) {
                throw new AssertionError("--engineers must not load the standard data set");
            }

            @Override
            public void loadSized(CertTrack certTrack, long seed, int engineers, Progress progress) {
                certTrack.useTransaction(work -> {
                    for (int i = 1; i <= engineers; i++) {
                        work.engineers().add(new Engineer("Engineer " + i + " of seed " + seed, "backend", 30));
                        progress.loaded(i, engineers);
                    }
                });
            }
        };
        assertThat(run(sized, IN_2026, "--engineers", "25", "--reseed", "7")).isEqualTo(Main.OK);
        assertThat(output()).contains("Loading 25 engineers (seed 7)...", "  1 of 25 engineers", "  25 of 25 engineers",
                "Engineers (first 20 of 25)", "Engineer 1 of seed 7 (backend, 30)", "Instructors (0)");
    }

    @Test
    void engineersSeedsASizedDataSetWithTheSeeder() {
        assertThat(run(new SeederDataLoader(), IN_2026, "--engineers", "500", "--reseed", "7")).isEqualTo(Main.OK);
        assertThat(output()).contains("Loading 500 engineers (seed 7)...", "  500 of 500 engineers",
                "Engineers (first 20 of 500)", "Instructors (10)");
    }

    @Test
    void aLoadThatFailsHalfwayKeepsTheData() {
        run(new SeederDataLoader(), IN_2026);
        List<String> before = engineerNames();
        DataLoader failingHalfway = new DataLoader() {
            @Override
            public void loadStandard(CertTrack certTrack, long seed) {
                throw new AssertionError("--engineers must not load the standard data set");
            }

            @Override
            public void loadSized(CertTrack certTrack, long seed, int engineers, Progress progress) {
                new SeederDataLoader().loadSized(certTrack, seed, engineers, (done, total) -> {
                    if (done >= total / 2) {
                        throw new CertTrackException("the disk filled up after " + done + " engineers");
                    }
                });
            }
        };

        assertThat(run(failingHalfway, IN_2026, "--engineers", "1000")).isEqualTo(Main.FAILED);
        assertThat(errors()).contains("the disk filled up after");
        assertThat(engineerNames()).as("the failed load left the data as it was").isEqualTo(before);
    }

    @Test
    void helpPrintsTheOptionsWithoutOpeningTheDatabase() {
        assertThat(run(new SeederDataLoader(), IN_2026, "--help")).isEqualTo(Main.OK);
        assertThat(output()).contains("Usage:", "--reseed SEED", "--engineers N", "--serve [PORT]", "default 5555");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void aBadOptionExitsWith2AndNamesTheOptionAndValue() {
        assertThat(run(new SeederDataLoader(), IN_2026, "--engineers", "many")).isEqualTo(Main.USAGE);
        assertThat(errors()).contains("--engineers needs a number of engineers from 1 to 1000000, but was \"many\"",
                "Try --help.");
        assertThat(directory).as("nothing opened").isEmptyDirectory();
    }

    @Test
    void serveAnswersOverHttpUntilStopped() throws Exception {
        AtomicReference<CertTrack> opened = new AtomicReference<>();
        Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> {
                    opened.set(openDatabase());
                    return opened.get();
                }, new SeederDataLoader(), IN_2026);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> main.run("--serve", "0"));
        String baseUrl = awaitServing();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/engineers")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"" + engineerNames().get(0) + "\"", "\"expiration_year\":");

        main.stop();
        assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(Main.OK);
        assertThat(output()).contains("Stopping.");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/engineers")).build(),
                HttpResponse.BodyHandlers.ofString())).as("the server is closed").isInstanceOf(ConnectException.class);
        assertThat(opened.get().entityManagerFactory().isOpen()).as("run() closed certtrack after the server").isFalse();
    }

    private String awaitServing() throws InterruptedException {
        Pattern serving = Pattern.compile("Serving the JSON API on (http://[^/]+)/engineers");
        for (int i = 0; i < 300; i++) {
            Matcher matcher = serving.matcher(output());
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Main did not start serving within 15 s; it printed:\n" + output() + errors());
    }

    /** The engineers' names in the report's order, read from the database. */
    private List<String> engineerNames() {
        try (CertTrack certTrack = openDatabase()) {
            return certTrack.inTransaction(work -> work.engineers().findAll(PageRequest.first(PageRequest.MAX_SIZE))
                    .stream().map(Engineer::getName).toList());
        }
    }

    private long certificatesExpiringIn(int year) {
        try (CertTrack certTrack = openDatabase()) {
            return certTrack.inTransaction(work -> work.entityManager()
                    .createQuery("select count(*) from Certificate c where c.expirationYear = :year", Long.class)
                    .setParameter("year", year).getSingleResult());
        }
    }

    private int run(DataLoader loader, Clock clock, String... args) {
        return main(loader, clock).run(args);
    }

    private Main main(DataLoader loader, Clock clock) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                this::openDatabase, loader, clock);
    }

    private CertTrack openDatabase() {
        return CertTrack.builder().embedded(directory.resolve("certtrack")).maximumPoolSize(2).build();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The seeder, remembering the seeds it was asked for. */
    private static final class RecordingLoader implements DataLoader {

        final List<Long> seeds = new ArrayList<>();
        private final DataLoader seeder = new SeederDataLoader();

        @Override
        public void loadStandard(CertTrack certTrack, long seed) {
            seeds.add(seed);
            seeder.loadStandard(certTrack, seed);
        }

        @Override
        public void loadSized(CertTrack certTrack, long seed, int engineers, Progress progress) {
            seeder.loadSized(certTrack, seed, engineers, progress);
        }
    }
}
