package org.certtrack.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import java.util.OptionalLong;

import org.certtrack.examples.Options.UsageException;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void noArgumentsMeansReportOnly() {
        assertThat(Options.parse()).isEqualTo(new Options(false, OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty()));
    }

    @Test
    void everyOptionParses() {
        Options options = Options.parse("--reseed", "-3", "--engineers", "1000", "--serve", "8080");
        assertThat(options.reseed()).hasValue(-3);
        assertThat(options.engineers()).hasValue(1000);
        assertThat(options.servePort()).hasValue(8080);
        assertThat(Options.parse("--help").help()).isTrue();
    }

    @Test
    void serveWithoutAPortUsesTheDefault() {
        assertThat(Options.parse("--serve").servePort()).hasValue(5555);
        assertThat(Options.parse("--serve", "--reseed", "1").servePort()).hasValue(5555);
    }

    @Test
    void badValuesAreNamed() {
        assertUsage("--reseed abc", "--reseed needs a whole number as its random seed, but was \"abc\"", "--reseed", "abc");
        assertUsage("missing seed", "--reseed needs a value: --reseed SEED", "--reseed");
        assertUsage("zero engineers", "--engineers needs a number of engineers from 1 to 1000000, but was \"0\"", "--engineers", "0");
        assertUsage("port too big", "--serve needs a port from 0 to 65535, but was \"70000\"", "--serve", "70000");
        assertUsage("port not a number", "--serve needs a port from 0 to 65535, but was \"http\"", "--serve", "http");
        assertUsage("unknown", "unknown option \"--verbose\"", "--verbose");
        assertUsage("stray", "unexpected argument \"report\"", "report");
        assertUsage("twice", "--engineers is given more than once", "--engineers", "1", "--engineers", "2");
    }

    private static void assertUsage(String what, String message, String... args) {
        assertThatThrownBy(() -> Options.parse(args)).as(what).isInstanceOf(UsageException.class).hasMessage(message);
    }
}
