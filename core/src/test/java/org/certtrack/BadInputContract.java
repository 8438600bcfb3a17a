package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of bad input: each row is tried inside a unit of work that has already added a valid
 * engineer and renamed an existing one, is answered with an {@link InvalidValueException} naming the
 * field, and leaves every table exactly as it was. (The exact messages of the entity checks are in
 * {@link EntityRulesTest}; a malformed {@code DATABASE_URL} is in {@link DatabaseUrlTest}.)
 */
abstract class BadInputContract extends DatabaseContract {

    private static final String LONG_101 = "x".repeat(101);
    private static final String LONG_51 = "x".repeat(51);

    private long adaId;
    private long graceId;
    private long awsId;

    @BeforeEach
    void existingRows() {
        certTrack.useTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            Instructor grace = new Instructor("Grace");
            Certificate aws = grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
            work.engineers().add(ada);
            adaId = ada.getId();
            graceId = grace.getId();
            awsId = aws.getId();
        });
    }

    /** One row of the table: what is tried, the field the error must name, and how to try it. */
    record BadInput(String tried, String field, Action action) {
        @Override
        public String toString() {
            return tried;
        }
    }

    /** Tries the bad input in a unit of work, given the ids of an existing engineer, instructor and certificate. */
    interface Action {
        void run(UnitOfWork work, long adaId, long graceId, long awsId);
    }

    static Stream<Arguments> badInputs() {
        List<BadInput> table = List.of(
                row("engineer name null", "Engineer.name", (w, a, g, c) -> new Engineer(null, "backend", 30)),
                row("engineer name empty", "Engineer.name", (w, a, g, c) -> new Engineer("", "backend", 30)),
                row("engineer name spaces", "Engineer.name", (w, a, g, c) -> new Engineer("   ", "backend", 30)),
                row("engineer name tab and newline", "Engineer.name", (w, a, g, c) -> new Engineer("\t\n", "backend", 30)),
                row("engineer name of 101 characters", "Engineer.name", (w, a, g, c) -> new Engineer(LONG_101, "backend", 30)),
                row("existing engineer renamed to blank", "Engineer.name", (w, a, g, c) -> w.engineers().getById(a).setName(" ")),
                row("specialty empty", "Engineer.specialty", (w, a, g, c) -> new Engineer("Ada", "", 30)),
                row("specialty of 51 characters", "Engineer.specialty", (w, a, g, c) -> new Engineer("Ada", LONG_51, 30)),
                row("age -1", "Engineer.age", (w, a, g, c) -> new Engineer("Ada", "backend", -1)),
                row("age 0", "Engineer.age", (w, a, g, c) -> new Engineer("Ada", "backend", 0)),
                row("age 15", "Engineer.age", (w, a, g, c) -> new Engineer("Ada", "backend", 15)),
                row("age 101", "Engineer.age", (w, a, g, c) -> new Engineer("Ada", "backend", 101)),
                row("age Integer.MIN_VALUE", "Engineer.age", (w, a, g, c) -> new Engineer("Ada", "backend", Integer.MIN_VALUE)),
                row("existing engineer aged 2147483647", "Engineer.age", (w, a, g, c) -> w.engineers().getById(a).setAge(Integer.MAX_VALUE)),
                row("instructor name null", "Instructor.name", (w, a, g, c) -> new Instructor(null)),
                row("instructor name empty", "Instructor.name", (w, a, g, c) -> new Instructor("")),
                row("instructor name carriage return", "Instructor.name", (w, a, g, c) -> new Instructor("\r\n")),
                row("instructor name of 101 characters", "Instructor.name", (w, a, g, c) -> new Instructor(LONG_101)),
                row("existing instructor renamed to blank", "Instructor.name", (w, a, g, c) -> w.instructors().getById(g).setName("")),
                row("certificate title null", "Certificate.title", (w, a, g, c) -> new Certificate(null, 2027)),
                row("certificate title spaces", "Certificate.title", (w, a, g, c) -> new Certificate("  ", 2027)),
                row("certificate title of 101 characters", "Certificate.title", (w, a, g, c) -> new Certificate(LONG_101, 2027)),
                row("expiration year -2027", "Certificate.expirationYear", (w, a, g, c) -> new Certificate("AWS", -2027)),
                row("expiration year 1999", "Certificate.expirationYear", (w, a, g, c) -> new Certificate("AWS", 1999)),
                row("expiration year 2101", "Certificate.expirationYear", (w, a, g, c) -> new Certificate("AWS", 2101)),
                row("expiration year 99999", "Certificate.expirationYear", (w, a, g, c) -> w.certificates().getById(c).setExpirationYear(99999)),
                row("certificate without an engineer", "Certificate.engineer", (w, a, g, c) -> w.certificates().add(new Certificate("AWS", 2027))),
                row("null certificate added to an engineer", "Engineer.certificates", (w, a, g, c) -> w.engineers().getById(a).addCertificate(null)),
                row("unknown engineer id read", "Engineer.id", (w, a, g, c) -> w.engineers().getById(-1)),
                row("unknown engineer id deleted", "Engineer.id", (w, a, g, c) -> w.engineers().deleteById(Long.MAX_VALUE)),
                row("unknown instructor id linked", "Instructor.id", (w, a, g, c) ->
                        w.instructors().getById(g + 1_000_000).addCertificate(w.engineers().getById(a).addCertificate(new Certificate("GCP", 2028)))),
                row("unknown instructor id deleted", "Instructor.id", (w, a, g, c) -> w.instructors().deleteById(0)),
                row("unknown certificate id renamed", "Certificate.id", (w, a, g, c) -> w.certificates().getById(c + 1_000_000).setTitle("AWS Pro")),
                row("unknown certificate id deleted", "Certificate.id", (w, a, g, c) -> w.certificates().deleteById(-c)),
                row("page -1", "PageRequest.page", (w, a, g, c) -> w.engineers().findAll(PageRequest.of(-1, 10))),
                row("page 2147483647", "PageRequest.page", (w, a, g, c) -> w.engineers().findAll(PageRequest.of(Integer.MAX_VALUE, 10))),
                row("page size 0", "PageRequest.size", (w, a, g, c) -> w.instructors().findAll(PageRequest.of(0, 0))),
                row("page size 501", "PageRequest.size", (w, a, g, c) -> w.certificates().findAll(PageRequest.of(0, 501))),
                row("page size 2147483647", "PageRequest.size", (w, a, g, c) -> w.engineers().findAllWithCertificates(PageRequest.first(Integer.MAX_VALUE))),
                row("name search for null", "name", (w, a, g, c) -> w.engineers().findByNameContaining(null, PageRequest.first())),
                row("specialty search for null", "specialty", (w, a, g, c) -> w.engineers().findBySpecialty(null, PageRequest.first())),
                row("engineer name with a NUL character", "Engineer.name", (w, a, g, c) -> new Engineer("A\u0000da", "backend", 30)),
                row("certificate renamed with a NUL character", "Certificate.title", (w, a, g, c) -> w.certificates().getById(c).setTitle("\u0000")),
                row("name search for a NUL character", "name", (w, a, g, c) -> w.instructors().findByNameContaining("\u0000", PageRequest.first())),
                row("specialty search with a NUL character", "specialty", (w, a, g, c) -> w.engineers().findBySpecialty("back\u0000end", PageRequest.first())));
        return table.stream().map(Arguments::of);
    }

    private static BadInput row(String tried, String field, Action action) {
        return new BadInput(tried, field, action);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRejectedNamingTheFieldAndNothingIsWritten(BadInput input) throws SQLException {
        List<String> before = tableContents();

        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            work.engineers().add(new Engineer("Written before the bad input", "backend", 30));
            work.engineers().getById(adaId).setSpecialty("compilers");
            work.flush();
            input.action().run(work, adaId, graceId, awsId);
        })).as(input.tried())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith(input.field() + " ")
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(input.field()));

        assertThat(tableContents()).as("nothing written after: %s", input.tried()).isEqualTo(before);
    }
}
