package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keyset reads ({@code findAllAfter}, {@code findAllWithEngineersAfter}, {@code findRowsWithEngineersAfter},
 * {@code findAllWithCertificatesAfter}, {@code findBySpecialtyAfter}, {@code findExpiringInAfter},
 * {@code findExpiringInOrBeforeAfter}): walked page by page they give exactly the numbered pages, also where a
 * page ends inside a run of equal names, and from a cursor row deleted in between.
 */
abstract class KeysetPagesContract extends DatabaseContract {

    private static final int SIZE = 4;
    private static final int YEAR = 2026;

    /**
     * 11 instructors and 20 engineers on three and four names, so that runs of equal names cross page
     * boundaries; half the engineers in each specialty; each engineer with a certificate expiring in
     * {@value #YEAR} and one the year after.
     */
    @BeforeEach
    void instructorsAndEngineersWithTiedNames() {
        certTrack.useTransaction(work -> {
            List<Instructor> instructors = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                instructors.add(new Instructor(List.of("Cid", "Ann", "Bob").get(i % 3)));
            }
            for (int e = 0; e < 20; e++) {
                Engineer engineer = new Engineer(List.of("Kay", "Dan", "Eve", "Ada").get(e % 4), e % 2 == 0 ? "backend" : "devops", 30);
                instructors.get(e % 11).addCertificate(engineer.addCertificate(new Certificate("AWS", YEAR)));
                instructors.get((e + 5) % 11).addCertificate(engineer.addCertificate(new Certificate("Azure", YEAR + 1)));
                work.engineers().add(engineer);
            }
        });
        statements.reset();
    }

    @Test
    void walkingByKeysetGivesTheNumberedPagesAcrossTiedNames() {
        certTrack.read(work -> {
            List<List<Instructor>> instructors = walk((last, size) -> work.instructors().findAllAfter(last, size));
            assertThat(instructors).as("instructors after the last seen").isEqualTo(numbered(page -> work.instructors().findAll(page)));
            assertThat(aPageEndsInsideATie(instructors, Instructor::getName)).as("a page of instructors ends inside a run of one name").isTrue();

            statements.reset();
            List<List<Instructor>> withEngineers = walk((last, size) -> work.instructors().findAllWithEngineersAfter(last, size));
            assertThat(statements.count()).as("SQL statements for %d pages of instructors with engineers, and the empty one after",
                    withEngineers.size()).isEqualTo(2 * withEngineers.size() + 1);
            assertThat(withEngineers).as("instructors with engineers after the last seen").isEqualTo(instructors);
            assertThat(withEngineers.stream().flatMap(List::stream).mapToInt(instructor -> instructor.getEngineers().size()).sum())
                    .as("engineers of the instructors on all pages").isEqualTo(40);

            statements.reset();
            List<InstructorWithEngineers> secondPage = work.instructors().findRowsWithEngineersAfter(
                    work.instructors().findRowsWithEngineers(PageRequest.first(SIZE)).get(SIZE - 1), SIZE);
            assertThat(statements.count()).as("SQL statements for two pages of rows").isEqualTo(2);
            List<List<InstructorWithEngineers>> rows = walk((last, size) -> work.instructors().findRowsWithEngineersAfter(last, size));
            assertThat(rows).as("instructors with engineers after the last row seen")
                    .isEqualTo(numbered(page -> work.instructors().findRowsWithEngineers(page)));
            assertThat(rows.get(1)).isEqualTo(secondPage);
            assertThat(rows.stream().flatMap(List::stream).mapToInt(row -> row.engineers().size()).sum())
                    .as("pairs of instructors and engineers on all pages").isEqualTo(40);

            List<List<Engineer>> engineers = walk((last, size) -> work.engineers().findAllAfter(last, size));
            assertThat(engineers).as("engineers after the last seen").isEqualTo(numbered(page -> work.engineers().findAll(page)));
            assertThat(aPageEndsInsideATie(engineers, Engineer::getName)).as("a page of engineers ends inside a run of one name").isTrue();

            List<List<Engineer>> withCertificates = walk((last, size) -> work.engineers().findAllWithCertificatesAfter(last, size));
            assertThat(withCertificates).as("engineers with certificates after the last seen").isEqualTo(engineers);
            assertThat(withCertificates.stream().flatMap(List::stream).mapToInt(engineer -> engineer.getCertificates().size()).sum())
                    .as("certificates of the engineers on all pages").isEqualTo(40);

            List<List<Engineer>> devops = walk((last, size) -> work.engineers().findBySpecialtyAfter("devops", last, size));
            assertThat(devops).as("devops engineers after the last seen")
                    .isEqualTo(numbered(page -> work.engineers().findBySpecialty("devops", page)));
            assertThat(devops.stream().flatMap(List::stream)).as("only devops engineers, all 10")
                    .hasSize(10).allMatch(engineer -> engineer.getSpecialty().equals("devops"));

            statements.reset();
            List<List<Certificate>> expiring = walk((last, size) -> work.certificates().findExpiringInAfter(YEAR, last, size));
            assertThat(statements.count()).as("SQL statements for %d pages of certificates, with engineers and instructors", expiring.size() + 1)
                    .isEqualTo(expiring.size() + 1);
            assertThat(expiring).as("certificates expiring in %d after the last seen", YEAR)
                    .isEqualTo(numbered(page -> work.certificates().findExpiringIn(YEAR, page)));
            assertThat(expiring.stream().flatMap(List::stream)).as("only certificates expiring in %d, all 20", YEAR)
                    .hasSize(20).allMatch(certificate -> certificate.getExpirationYear() == YEAR);

            List<List<Certificate>> certificates = walk((last, size) -> work.certificates().findAllAfter(last, size));
            assertThat(certificates).as("certificates after the last seen").isEqualTo(numbered(page -> work.certificates().findAll(page)));
            assertThat(certificates.stream().flatMap(List::stream)).as("all 40 certificates").hasSize(40);

            statements.reset();
            List<List<Certificate>> dueBy = walk((last, size) -> work.certificates().findExpiringInOrBeforeAfter(YEAR + 1, last, size));
            assertThat(statements.count()).as("SQL statements for %d pages of certificates, with engineers and instructors", dueBy.size() + 1)
                    .isEqualTo(dueBy.size() + 1);
            assertThat(dueBy).as("certificates expiring in %d or before after the last seen", YEAR + 1)
                    .isEqualTo(numbered(page -> work.certificates().findExpiringInOrBefore(YEAR + 1, page)));
            assertThat(dueBy.stream().flatMap(List::stream).map(Certificate::getExpirationYear).distinct())
                    .as("both years, soonest first").containsExactly(YEAR, YEAR + 1);
            List<List<Certificate>> dueByYear = walk((last, size) -> work.certificates().findExpiringInOrBeforeAfter(YEAR, last, size));
            assertThat(dueByYear).as("certificates expiring in %d or before", YEAR).isEqualTo(expiring);
            return null;
        });
    }

    @Test
    void aDeletedCursorRowStillPlacesTheNextPage() {
        pageAfterADeletedRow("certificates expiring in " + YEAR,
                work -> work.certificates().findExpiringIn(YEAR, PageRequest.first(PageRequest.MAX_SIZE)),
                (work, last) -> work.certificates().findExpiringInAfter(YEAR, last, SIZE),
                (work, gone) -> work.certificates().deleteById(gone.getId()));
        pageAfterADeletedRow("certificates",
                work -> work.certificates().findAll(PageRequest.first(PageRequest.MAX_SIZE)),
                (work, last) -> work.certificates().findAllAfter(last, SIZE),
                (work, gone) -> work.certificates().deleteById(gone.getId()));
        pageAfterADeletedRow("certificates expiring in " + (YEAR + 1) + " or before",
                work -> work.certificates().findExpiringInOrBefore(YEAR + 1, PageRequest.first(PageRequest.MAX_SIZE)),
                (work, last) -> work.certificates().findExpiringInOrBeforeAfter(YEAR + 1, last, SIZE),
                (work, gone) -> work.certificates().deleteById(gone.getId()));
        pageAfterADeletedRow("instructors",
                work -> work.instructors().findAll(PageRequest.first(PageRequest.MAX_SIZE)),
                (work, last) -> work.instructors().findAllAfter(last, SIZE),
                (work, gone) -> work.instructors().deleteById(gone.getId()));
        pageAfterADeletedRow("instructors as entities with engineers",
                work -> work.instructors().findAllWithEngineers(PageRequest.first(PageRequest.MAX_SIZE)),
                (work, last) -> work.instructors().findAllWithEngineersAfter(last, SIZE),
                (work, gone) -> work.instructors().deleteById(gone.getId()));
        pageAfterADeletedRow("instructors with engineers",
                work -> work.instructors().findRowsWithEngineers(PageRequest.first(PageRequest.MAX_SIZE)),
                (work, last) -> work.instructors().findRowsWithEngineersAfter(last, SIZE),
                (work, gone) -> work.instructors().deleteById(gone.id()));
        pageAfterADeletedRow("engineers",
                work -> work.engineers().findAll(PageRequest.first(PageRequest.MAX_SIZE)),
                (work, last) -> work.engineers().findAllAfter(last, SIZE),
                (work, gone) -> work.engineers().deleteById(gone.getId()));
        pageAfterADeletedRow("engineers with certificates",
                work -> work.engineers().findAllWithCertificates(PageRequest.first(PageRequest.MAX_SIZE)),
                (work, last) -> work.engineers().findAllWithCertificatesAfter(last, SIZE),
                (work, gone) -> work.engineers().deleteById(gone.getId()));
        pageAfterADeletedRow("backend engineers",
                work -> work.engineers().findBySpecialty("backend", PageRequest.first(PageRequest.MAX_SIZE)),
                (work, last) -> work.engineers().findBySpecialtyAfter("backend", last, SIZE),
                (work, gone) -> work.engineers().deleteById(gone.getId()));
    }

    @Test
    void pageSizesAreBoundedAsPageRequestsAre() {
        certTrack.useTransaction(work -> {
            for (int size : new int[] {0, PageRequest.MAX_SIZE + 1}) {
                String message = "size must be between 1 and 500, but was " + size;
                assertThatThrownBy(() -> work.instructors().findAllAfter(null, size)).isInstanceOf(InvalidValueException.class).hasMessage(message);
                assertThatThrownBy(() -> work.instructors().findAllWithEngineersAfter(null, size)).hasMessage(message);
                assertThatThrownBy(() -> work.instructors().findRowsWithEngineersAfter(null, size)).hasMessage(message);
                assertThatThrownBy(() -> work.engineers().findAllWithCertificatesAfter(null, size)).hasMessage(message);
                assertThatThrownBy(() -> work.engineers().findAllAfter(null, size)).hasMessage(message);
                assertThatThrownBy(() -> work.engineers().findBySpecialtyAfter("backend", null, size)).hasMessage(message);
                assertThatThrownBy(() -> work.certificates().findExpiringInAfter(YEAR, null, size)).hasMessage(message);
                assertThatThrownBy(() -> work.certificates().findExpiringInOrBeforeAfter(YEAR, null, size)).hasMessage(message);
                assertThatThrownBy(() -> work.certificates().findAllAfter(null, size)).hasMessage(message);
            }
            assertThat(work.instructors().findAllAfter(null, PageRequest.MAX_SIZE)).as("the largest page holds every instructor").hasSize(11);
            assertThat(work.certificates().findExpiringInAfter(YEAR, null, 1)).as("the smallest page").hasSize(1);
        });
    }

    @Test
    void aCursorNeverSavedIsRefusedByName() {
        certTrack.useTransaction(work -> {
            assertThatThrownBy(() -> work.instructors().findAllAfter(new Instructor("New"), SIZE))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("Instructor.id"));
            assertThatThrownBy(() -> work.instructors().findAllWithEngineersAfter(new Instructor("New"), SIZE))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("Instructor.id"));
            assertThatThrownBy(() -> work.engineers().findAllWithCertificatesAfter(new Engineer("New", "backend", 30), SIZE))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("Engineer.id"));
            assertThatThrownBy(() -> work.engineers().findAllAfter(new Engineer("New", "backend", 30), SIZE))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("Engineer.id"));
            assertThatThrownBy(() -> work.engineers().findBySpecialtyAfter("backend", new Engineer("New", "backend", 30), SIZE))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("Engineer.id"));
            assertThatThrownBy(() -> work.certificates().findExpiringInAfter(YEAR, new Certificate("New", YEAR), SIZE))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("Certificate.id"));
            assertThatThrownBy(() -> work.certificates().findAllAfter(new Certificate("New", YEAR), SIZE))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("Certificate.id"));
            assertThatThrownBy(() -> work.certificates().findExpiringInOrBeforeAfter(YEAR, new Certificate("New", YEAR), SIZE))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("Certificate.id"));
            assertThatThrownBy(() -> work.engineers().findBySpecialtyAfter(null, null, SIZE))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("specialty"));
        });
    }

    /**
     * Reads every row in order, deletes the 4th in a unit of work of its own, and expects the page after that
     * deleted row to be the 5th to 8th rows read before.
     */
    private <T> void pageAfterADeletedRow(String what, Function<UnitOfWork, List<T>> all, BiFunction<UnitOfWork, T, List<T>> after,
                                          BiConsumer<UnitOfWork, T> delete) {
        List<T> before = certTrack.read(all::apply);
        assertThat(before).as("%s to page through", what).hasSizeGreaterThanOrEqualTo(8);
        T cursor = before.get(3);
        certTrack.useTransaction(work -> delete.accept(work, cursor));
        List<T> next = certTrack.read(work -> after.apply(work, cursor));
        assertThat(next).as("%s after the deleted %s", what, cursor)
                .containsExactlyElementsOf(before.subList(4, 8));
    }

    /** Every page of {@value #SIZE} rows, each read after the last row of the page before. */
    private static <T> List<List<T>> walk(BiFunction<T, Integer, List<T>> after) {
        List<List<T>> pages = new ArrayList<>();
        for (List<T> page = after.apply(null, SIZE); !page.isEmpty(); page = after.apply(page.get(page.size() - 1), SIZE)) {
            pages.add(page);
        }
        return pages;
    }

    /** Every page of {@value #SIZE} rows, read by number up to the first empty one. */
    private static <T> List<List<T>> numbered(Function<PageRequest, List<T>> read) {
        List<List<T>> pages = new ArrayList<>();
        for (List<T> page = read.apply(PageRequest.first(SIZE)); !page.isEmpty(); page = read.apply(PageRequest.of(pages.size(), SIZE))) {
            pages.add(page);
        }
        return pages;
    }

    private static <T> boolean aPageEndsInsideATie(List<List<T>> pages, Function<T, String> name) {
        for (int i = 1; i < pages.size(); i++) {
            List<T> previous = pages.get(i - 1);
            if (name.apply(previous.get(previous.size() - 1)).equals(name.apply(pages.get(i).get(0)))) {
                return true;
            }
        }
        return false;
    }
}
