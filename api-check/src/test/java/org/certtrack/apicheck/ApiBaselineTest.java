package org.certtrack.apicheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker itself: a jar's API is written to a baseline, and a later jar that removes or changes a public
 * member fails the check with a message naming it, while changes outside the API (internal packages, private
 * and package-private members) pass.
 */
class ApiBaselineTest {

    @TempDir
    Path dir;

    private static final String WIDGET = """
            package org.example.lib;
            public final class Widget {
                public Widget(String name) { }
                public int size() { return 1; }
                public <T extends Comparable<T>> java.util.List<T> sorted(java.util.Collection<T> items) { return null; }
                void packagePrivate() { }
                private void hidden() { }
            }
            """;

    private static final String HELPER = """
            package org.example.lib.internal;
            public final class Helper {
                public static int help() { return 1; }
            }
            """;

    @Test
    void removingAPublicMethodFailsNamingIt() throws IOException {
        ApiBaseline baseline = recordBaseline(WIDGET, HELPER);

        String withoutSize = api("v2", WIDGET.replace("    public int size() { return 1; }\n", ""), HELPER);

        assertThatThrownBy(() -> baseline.check(withoutSize))
                .as("a removed public method must fail the check and be named")
                .isInstanceOf(ApiBaseline.ApiChangedException.class)
                .hasMessageContaining("  - org.example.lib.Widget :: public int size()")
                .hasMessageContaining("-Dcerttrack.api.update=true")
                .hasMessageContaining("CHANGELOG.md");
    }

    @Test
    void changingASignatureOrAddingAMethodFailsNamingBoth() throws IOException {
        ApiBaseline baseline = recordBaseline(WIDGET, HELPER);

        String changed = api("v2", WIDGET.replace("public int size()", "public long size()")
                .replace("void packagePrivate() { }", "public void added() { }"), HELPER);

        assertThatThrownBy(() -> baseline.check(changed))
                .hasMessageContaining("  - org.example.lib.Widget :: public int size()")
                .hasMessageContaining("  + org.example.lib.Widget :: public long size()")
                .hasMessageContaining("  + org.example.lib.Widget :: public void added()");
    }

    @Test
    void changesOutsideTheApiPass() throws IOException {
        ApiBaseline baseline = recordBaseline(WIDGET, HELPER);

        String internalChanges = api("v2", WIDGET.replace("private void hidden() { }", "private long hidden(int x) { return x; }")
                .replace("void packagePrivate() { }", ""), HELPER.replace("help()", "renamed()"));

        assertThatCode(() -> baseline.check(internalChanges))
                .as("private, package-private and internal-package changes are not API")
                .doesNotThrowAnyException();
    }

    @Test
    void theApiTextNamesGenericsAndLeavesOutWhatIsNotApi() throws IOException {
        String text = api("v1", WIDGET, HELPER);

        assertThat(text).contains("public <T extends java.lang.Comparable<T>> java.util.List<T> sorted(java.util.Collection<T>)")
                .contains("public <init>(java.lang.String)")
                .doesNotContain("hidden").doesNotContain("packagePrivate").doesNotContain("Helper");
    }

    @Test
    void aMissingBaselineFailsListingTheWholeApi() throws IOException {
        ApiBaseline baseline = new ApiBaseline("lib", dir.resolve("absent.api"));

        assertThatThrownBy(() -> baseline.check(api("v1", WIDGET, HELPER)))
                .hasMessageContaining("  + public final class org.example.lib.Widget");
    }

    private ApiBaseline recordBaseline(String... sources) throws IOException {
        ApiBaseline baseline = new ApiBaseline("lib", dir.resolve("api").resolve("lib.api"));
        baseline.update(api("v1", sources));
        return baseline;
    }

    /** Compiles {@code sources} into a directory of their own and returns their API text. */
    private String api(String version, String... sources) throws IOException {
        Path src = dir.resolve(version).resolve("src");
        Path classes = dir.resolve(version).resolve("classes");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString()));
        for (String source : sources) {
            String pkg = source.substring("package ".length(), source.indexOf(';'));
            String name = source.substring(source.indexOf("class ") + "class ".length()).split("[ {]")[0];
            Path file = src.resolve(pkg.replace('.', '/')).resolve(name + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("the fixture compiles").isZero();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            return ApiSignatures.of(classes, loader);
        }
    }
}
