package org.certtrack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@link SchemaCheck#FUNCTION_DIGESTS} is what certtrack's PostgreSQL migrations create: the digest of each
 * trigger function's body, as the latest script that creates it writes it. A migration that changes a body
 * without changing its digest, or adds a function without one, fails here instead of making every start-up
 * report the new function as replaced.
 */
class TriggerFunctionDigestsTest {

    /** The scripts in the source tree: the shared local repository may hold another build's migrations jar. */
    private static final Path SCRIPTS = Path.of("..", "migrations-module", "src", "main", "resources", "org", "certtrack", "db");
    private static final Pattern FUNCTION = Pattern.compile(
            "CREATE\\s+(?:OR\\s+REPLACE\\s+)?FUNCTION\\s+(\\w+)\\s*\\([^)]*\\)[^$]*\\$\\$(.*?)\\$\\$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Test
    void theDigestsAreThoseOfTheFunctionBodiesTheMigrationsCreate() throws IOException {
        Map<String, String> created = new TreeMap<>();
        for (Path script : postgresScriptsInVersionOrder()) {
            Matcher function = FUNCTION.matcher(Files.readString(script, StandardCharsets.UTF_8));
            while (function.find()) {
                created.put(function.group(1).toLowerCase(), SchemaCheck.digest(function.group(2)));
            }
        }
        assertThat(created).as("the trigger functions certtrack's PostgreSQL migrations create, with their digests")
                .containsOnlyKeys("certtrack_advance_version", "certtrack_instructor_timestamps")
                .isEqualTo(new TreeMap<>(SchemaCheck.FUNCTION_DIGESTS));
    }

    @Test
    void reIndentingABodyIsNotReplacingIt() {
        assertThat(SchemaCheck.digest("\r\nBEGIN\r\n    RETURN NEW;\r\nEND\r\n"))
                .isEqualTo(SchemaCheck.digest("BEGIN RETURN NEW; END"))
                .isNotEqualTo(SchemaCheck.digest("BEGIN RETURN OLD; END"));
    }

    private static List<Path> postgresScriptsInVersionOrder() throws IOException {
        try (Stream<Path> shared = Files.list(SCRIPTS.resolve("migration"));
             Stream<Path> vendor = Files.list(SCRIPTS.resolve("vendor").resolve("postgresql"))) {
            return Stream.concat(shared, vendor)
                    .filter(script -> script.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(TriggerFunctionDigestsTest::version))
                    .toList();
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
