package org.certtrack.peer;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Runs the benchmarks' workloads in the peer's own JVM, one command a line on stdin, and answers each with
 * {@code ok SECONDS} (the time the workload took here) or {@code error MESSAGE}:
 *
 * <pre>
 * page P S | page-entities-one-select P S | page-one-select P S | all | write N      run it and time it
 * dump FILE (page P S | page-entities-one-select P S | page-one-select P S | all)
 *                                                    run it and write its rows to FILE, one instructor a line:
 *                                                    id TAB name TAB engineer ids, comma separated
 * </pre>
 *
 * Benchmark plumbing, not part of what the peer stands for: it calls the services as a controller would.
 */
@Component
class Workloads {

    private static final String[] TITLES = {"AWS", "Azure", "Github"};
    private static final String[] SPECIALTIES = {"fullstack", "frontend", "backend", "quality assurance", "devops"};

    private final InstructorService instructors;
    private final EngineerService engineers;

    Workloads(InstructorService instructors, EngineerService engineers) {
        this.instructors = instructors;
        this.engineers = engineers;
    }

    void run(InputStream in, PrintStream out) throws Exception {
        BufferedReader commands = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        out.println("ready");
        for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
            String[] words = line.trim().split(" ");
            try {
                Path dump = null;
                if (words[0].equals("dump")) {
                    dump = Path.of(words[1]);
                    words = Arrays.copyOfRange(words, 2, words.length);
                }
                long started = System.nanoTime();
                List<InstructorJson> rows = run(words);
                double seconds = (System.nanoTime() - started) / 1e9;
                if (dump != null) {
                    Files.writeString(dump, rows(rows), StandardCharsets.UTF_8);
                }
                out.println(String.format(Locale.ROOT, "ok %.9f", seconds));
            } catch (RuntimeException e) {
                e.printStackTrace();
                out.println("error " + e);
            }
        }
    }

    private List<InstructorJson> run(String[] words) {
        return switch (words[0]) {
            case "page" -> instructors.page(page(words));
            case "page-entities-one-select" -> instructors.pageOfEntitiesInOneSelect(page(words));
            case "page-one-select" -> instructors.pageInOneSelect(page(words));
            case "all" -> instructors.all();
            case "write" -> {
                int count = Integer.parseInt(words[1]);
                engineers.saveAll(() -> IntStream.range(0, count).mapToObj(Workloads::engineer).iterator());
                yield List.of();
            }
            default -> throw new IllegalArgumentException("unknown workload " + String.join(" ", words));
        };
    }

    /** The page that a page workload's words P S name: page number P, of S instructors. */
    private static PageRequest page(String[] words) {
        return PageRequest.of(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
    }

    /** The i-th engineer of the write workload, with 2 certificates: the same rows as certtrack's side writes. */
    private static Engineer engineer(int i) {
        Engineer engineer = new Engineer("Engineer " + i, SPECIALTIES[i % SPECIALTIES.length], 19 + i % 52);
        engineer.addCertificate(new Certificate(TITLES[i % 3], 2022 + i % 9));
        engineer.addCertificate(new Certificate(TITLES[(i + 1) % 3], 2022 + (i + 4) % 9));
        return engineer;
    }

    /** One line per instructor: id, name and engineer ids in order, as the benchmark writes certtrack's. */
    static String rows(List<InstructorJson> instructors) {
        StringBuilder text = new StringBuilder();
        for (InstructorJson instructor : instructors) {
            text.append(instructor.id()).append('\t').append(instructor.name()).append('\t');
            for (int i = 0; i < instructor.engineers().size(); i++) {
                text.append(i == 0 ? "" : ",").append(instructor.engineers().get(i).id());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
