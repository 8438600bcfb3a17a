package org.certtrack.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A module's checked-in API file ({@code <module>/api/<artifactId>.api}) against the API of the jar just
 * built. A difference fails the build, naming each line that was removed or added, until the file is
 * regenerated with {@value #UPDATE_PROPERTY}{@code =true} and committed together with a CHANGELOG entry.
 */
public final class ApiBaseline {

    /** The system property that rewrites the API files instead of comparing them. */
    public static final String UPDATE_PROPERTY = "certtrack.api.update";

    private final String artifactId;
    private final Path file;

    /** The baseline of {@code artifactId}, stored in {@code file}. */
    public ApiBaseline(String artifactId, Path file) {
        this.artifactId = artifactId;
        this.file = file;
    }

    /** Writes {@code actual} as the new baseline. */
    public void update(String actual) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, header() + actual, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * Compares {@code actual} with the baseline.
     *
     * @throws ApiChangedException naming every removed and added line, and how to record the change
     */
    public void check(String actual) {
        String expected;
        try {
            expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        List<String> removed = new ArrayList<>(linesOf(expected));
        List<String> added = new ArrayList<>(linesOf(header() + actual));
        Set<String> before = new LinkedHashSet<>(removed);
        removed.removeAll(new LinkedHashSet<>(added));
        added.removeAll(before);
        if (removed.isEmpty() && added.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("The public API of ").append(artifactId)
                .append(" is not the one recorded in ").append(file).append(":\n");
        removed.forEach(line -> message.append("  - ").append(line).append('\n'));
        added.forEach(line -> message.append("  + ").append(line).append('\n'));
        message.append("If the change is intended, record it: run\n")
                .append("    ./mvnw -pl api-check -am package -Dtest=PublishedApiTest -Dsurefire.failIfNoSpecifiedTests=false -D").append(UPDATE_PROPERTY).append("=true\n")
                .append("and commit the rewritten .api file with an entry in CHANGELOG.md (under \"Unreleased\", with an")
                .append(" \"Upgrading\" note for anything removed or changed) in the same commit.");
        throw new ApiChangedException(message.toString());
    }

    private String header() {
        return "# The public API of " + artifactId + ". Generated: do not edit; see CONTRIBUTING in README.md.\n\n";
    }

    /** The lines that carry a declaration, each qualified by its type so a member's line says where it is. */
    private static List<String> linesOf(String text) {
        List<String> lines = new ArrayList<>();
        String type = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("    ")) {
                lines.add(type + " :: " + line.strip());
            } else {
                type = typeName(line);
                lines.add(line);
            }
        }
        return lines;
    }

    /** The qualified name in a type's line: the word after its kind. */
    private static String typeName(String typeLine) {
        String[] words = typeLine.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (List.of("class", "interface", "enum", "record", "@interface").contains(words[i])) {
                String name = words[i + 1];
                int generics = name.indexOf('<');
                return generics < 0 ? name : name.substring(0, generics);
            }
        }
        return typeLine;
    }

    /** The API changed and the baseline does not say so. */
    public static final class ApiChangedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ApiChangedException(String message) {
            super(message);
        }
    }
}
