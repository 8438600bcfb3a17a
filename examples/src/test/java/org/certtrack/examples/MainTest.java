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
import org.certtrack.Engineer;
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
        assertThat(run(new SampleDataLoader(), IN_2026)).isEqualTo(Main.OK);
        assertThat(output()).contains("The database was empty: loaded the standard data set (seed 1).",
                "Engineers (2)", "Ada Lovelace (backend, 36)", "AWS      expires 2027, issued by Grace Hopper",
                "Instructors (2)", "Grace Hopper: Ada Lovelace, Linus Torvalds",
                "Certificates expiring in 2026 (1)", "Github   held by Linus Torvalds, issued by Grace Hopper");

        out.reset();
        assertThat(run(new SampleDataLoader(), IN_2026)).isEqualTo(Main.OK);
        assertThat(output()).doesNotContain("The database was empty").contains("Alan Turing: Ada Lovelace");
        assertThat(output().split("Ada Lovelace \\(").length - 1).as("Ada is listed once, not loaded twice").isEqualTo(1);
    }

    @Test
    void theReportUsesTheClocksYear() {
        run(new SampleDataLoader(), Clock.offset(IN_2026, java.time.Duration.ofDays(365)));
        assertThat(output()).contains("Certificates expiring in 2027 (1)", "AWS      held by Ada Lovelace");
    }

    @Test
    void reseedReplacesTheDataWithTheGivenSeedsDataSet() {
        RecordingLoader loader = new RecordingLoader();
        run(loader, IN_2026);
        long firstAda = adaId();

        out.reset();
        assertThat(run(loader, IN_2026, "--reseed", "42")).isEqualTo(Main.OK);
        assertThat(loader.seeds).containsExactly(1L, 42L);
        assertThat(output()).contains("Replaced the data with the standard data set (seed 42).", "Engineers (2)");
        assertThat(adaId()).as("Ada was deleted and loaded anew").isNotEqualTo(firstAda);
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
    void engineersSaysPlainlyThatItNeedsTheSeederAndKeepsTheData() {
        run(new SampleDataLoader(), IN_2026);
        long ada = adaId();

        assertThat(run(new SampleDataLoader(), IN_2026, "--engineers", "10")).isEqualTo(Main.FAILED);
        assertThat(errors()).contains("--engineers needs certtrack-seed; not wired yet");
        assertThat(adaId()).as("the failed load left the data as it was").isEqualTo(ada);
    }

    @Test
    void helpPrintsTheOptionsWithoutOpeningTheDatabase() {
        assertThat(run(new SampleDataLoader(), IN_2026, "--help")).isEqualTo(Main.OK);
        assertThat(output()).contains("Usage:", "--reseed SEED", "--engineers N", "--serve [PORT]", "default 5555");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void aBadOptionExitsWith2AndNamesTheOptionAndValue() {
        assertThat(run(new SampleDataLoader(), IN_2026, "--engineers", "many")).isEqualTo(Main.USAGE);
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
                }, new SampleDataLoader(), IN_2026);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> main.run("--serve", "0"));
        String baseUrl = awaitServing();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/engineers")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"Ada Lovelace\"", "\"expiration_year\":2027");

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

    private long adaId() {
        try (CertTrack certTrack = openDatabase()) {
            return certTrack.inTransaction(work -> work.engineers().findByNameContaining("Ada").get(0).getId());
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

    /** The sample data, remembering the seeds it was asked for. */
    private static final class RecordingLoader implements DataLoader {

        final List<Long> seeds = new ArrayList<>();
        private final DataLoader sample = new SampleDataLoader();

        @Override
        public void loadStandard(CertTrack certTrack, long seed) {
            seeds.add(seed);
            sample.loadStandard(certTrack, seed);
        }

        @Override
        public void loadSized(CertTrack certTrack, long seed, int engineers, Progress progress) {
            sample.loadSized(certTrack, seed, engineers, progress);
        }
    }
}
