package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the repositories return, and how many SQL statements their reads of parents with children issue. */
abstract class RepositoriesContract extends DatabaseContract {

    @Test
    void findByIdIsEmptyForAnUnknownId() {
        certTrack.useTransaction(work -> {
            assertThat(work.engineers().findById(-1)).isEmpty();
            assertThat(work.engineers().findByIdWithCertificates(-1)).isEmpty();
            assertThat(work.certificates().findById(-1)).isEmpty();
            assertThat(work.instructors().findById(-1)).isEmpty();
        });
    }

    @Test
    void listsArePagedInNameOrderAndCounted() {
        certTrack.useTransaction(work -> {
            for (String name : List.of("Eve", "Bob", "Dan", "Ann", "Cid")) {
                work.engineers().add(new Engineer(name, "backend", 30));
            }
        });

        certTrack.useTransaction(work -> {
            assertThat(work.engineers().count()).isEqualTo(5);
            assertThat(work.engineers().findAll(PageRequest.of(0, 2))).extracting(Engineer::getName).containsExactly("Ann", "Bob");
            assertThat(work.engineers().findAll(PageRequest.of(1, 2))).extracting(Engineer::getName).containsExactly("Cid", "Dan");
            assertThat(work.engineers().findAll(PageRequest.of(2, 2))).extracting(Engineer::getName).containsExactly("Eve");
            assertThat(work.engineers().findAll(PageRequest.of(3, 2))).as("past the last page").isEmpty();
        });
    }

    @Test
    void pageSizesAreBounded() {
        assertThatThrownBy(() -> PageRequest.of(0, PageRequest.MAX_SIZE + 1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("PageRequest.size must be between 1 and 500, but was 501");
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).hasMessageContaining("PageRequest.page");
    }

    @Test
    void engineersBySpecialty() {
        certTrack.useTransaction(work -> {
            work.engineers().add(new Engineer("Linus", "devops", 50));
            work.engineers().add(new Engineer("Ada", "backend", 36));
            work.engineers().add(new Engineer("Ken", "devops", 60));
        });
        certTrack.useTransaction(work -> {
            assertThat(work.engineers().findBySpecialty("devops", PageRequest.first())).extracting(Engineer::getName).containsExactly("Ken", "Linus");
            assertThat(work.engineers().findBySpecialty("frontend", PageRequest.first())).isEmpty();
        });
    }

    @Test
    void certificatesExpiringInAYearAndAnEngineersCertificates() {
        long adaId = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            Engineer linus = new Engineer("Linus", "devops", 50);
            ada.addCertificate(new Certificate("AWS", 2030));
            ada.addCertificate(new Certificate("Azure", 2025));
            new Instructor("Grace").addCertificate(linus.addCertificate(new Certificate("Github", 2026)));
            linus.addCertificate(new Certificate("AWS", 2027));
            work.engineers().add(ada);
            work.engineers().add(linus);
            return ada.getId();
        });

        certTrack.useTransaction(work -> {
            statements.reset();
            List<Certificate> expiring = work.certificates().findExpiringIn(2026, PageRequest.first());
            assertThat(expiring).extracting(Certificate::getTitle).containsExactly("Github");
            assertThat(expiring).extracting(c -> c.getEngineer().getName()).containsExactly("Linus");
            assertThat(expiring.get(0).getInstructor().getName()).isEqualTo("Grace");
            assertThat(statements.count()).as("certificates with engineers and instructors in one statement").isEqualTo(1);
            assertThat(work.certificates().findExpiringIn(2025, PageRequest.first())).extracting(Certificate::getTitle)
                    .containsExactly("Azure");
            assertThat(work.certificates().findExpiringIn(2025, PageRequest.of(1, 1))).as("past the last page").isEmpty();
            statements.reset();
            List<Certificate> dueBy2026 = work.certificates().findExpiringInOrBefore(2026, PageRequest.first());
            assertThat(dueBy2026).as("expiring in 2026 or before, soonest first").extracting(Certificate::getTitle)
                    .containsExactly("Azure", "Github");
            assertThat(dueBy2026).extracting(c -> c.getEngineer().getName()).containsExactly("Ada", "Linus");
            assertThat(statements.count()).as("with engineers and instructors in one statement").isEqualTo(1);
            assertThat(work.certificates().findExpiringInOrBefore(2026, PageRequest.of(1, 1))).extracting(Certificate::getTitle)
                    .as("the second page of one").containsExactly("Github");
            assertThat(work.certificates().findExpiringInOrBefore(2024, PageRequest.first())).as("none that soon").isEmpty();
            assertThat(work.certificates().countExpiringIn(2027)).isEqualTo(1);
            assertThat(work.certificates().countExpiringIn(2031)).isZero();

            assertThat(work.certificates().findByEngineerId(adaId, PageRequest.first())).extracting(Certificate::getTitle)
                    .containsExactly("AWS", "Azure");
            assertThat(work.certificates().findByEngineerId(-1, PageRequest.first())).isEmpty();
            assertThat(work.certificates().count()).isEqualTo(4);
        });
    }

    @Test
    void instructorsWithTheirEngineersTakeTwoStatementsHoweverManyRows() {
        certTrack.useTransaction(work -> {
            for (int i = 0; i < 30; i++) {
                Instructor instructor = new Instructor("Instructor " + (char) ('A' + i % 26) + i);
                for (int e = 0; e < 5; e++) {
                    Engineer engineer = new Engineer("Engineer " + i + "-" + e, "backend", 30);
                    instructor.addCertificate(engineer.addCertificate(new Certificate("AWS", 2027)));
                    instructor.addCertificate(engineer.addCertificate(new Certificate("Azure", 2028)));
                    work.engineers().add(engineer);
                }
            }
            work.instructors().add(new Instructor("Zed, who issued nothing"));
        });

        certTrack.useTransaction(work -> {
            statements.reset();
            List<Instructor> page = work.instructors().findAllWithEngineers(PageRequest.of(0, 50));
            int engineers = page.stream().mapToInt(i -> i.getEngineers().size()).sum();
            page.forEach(i -> i.getEngineers().forEach(Engineer::getName));
            assertThat(page).hasSize(31);
            assertThat(engineers).as("each engineer once per instructor").isEqualTo(150);
            assertThat(page.get(30).getEngineers()).isEmpty();
            assertThat(statements.count()).as("SQL statements for 31 instructors and 150 engineers").isEqualTo(2);
        });

        certTrack.useTransaction(work -> {
            statements.reset();
            assertThat(work.instructors().findAllWithEngineers(PageRequest.of(1, 10))).hasSize(10)
                    .allSatisfy(i -> assertThat(i.getEngineers()).hasSize(5));
            assertThat(statements.count()).as("SQL statements for a later page").isEqualTo(2);
        });
    }

    @Test
    void streamingInstructorsWithEngineersTakesOneStatementAndMatchesTheEntities() {
        certTrack.useTransaction(work -> {
            for (int i = 0; i < 12; i++) {
                Instructor instructor = new Instructor("Instructor " + (char) ('L' - i));
                for (int e = 0; e < 4; e++) {
                    Engineer engineer = new Engineer("Engineer " + (char) ('A' + (e * 7 + i) % 26), "backend", 20 + e);
                    instructor.addCertificate(engineer.addCertificate(new Certificate("AWS", 2027)));
                    instructor.addCertificate(engineer.addCertificate(new Certificate("Azure", 2028)));
                    work.engineers().add(engineer);
                }
            }
            work.instructors().add(new Instructor("Zed, who issued nothing"));
            Engineer uncertified = new Engineer("Uncertified", "devops", 40);
            uncertified.addCertificate(new Certificate("Github", 2026));
            work.engineers().add(uncertified);
        });

        certTrack.useTransaction(work -> {
            List<Instructor> entities = work.instructors().findAllWithEngineers(PageRequest.first(PageRequest.MAX_SIZE));
            statements.reset();
            List<InstructorWithEngineers> streamed = new java.util.ArrayList<>();
            work.instructors().forEachRowWithEngineers(streamed::add);
            assertThat(statements.count()).as("SQL statements for 13 instructors and 48 pairs").isEqualTo(1);

            assertThat(streamed).extracting(InstructorWithEngineers::name)
                    .containsExactlyElementsOf(entities.stream().map(Instructor::getName).toList());
            for (int i = 0; i < entities.size(); i++) {
                Instructor entity = entities.get(i);
                InstructorWithEngineers summary = streamed.get(i);
                assertThat(summary.id()).isEqualTo(entity.getId());
                assertThat(summary.createdAt()).isEqualTo(entity.getCreatedAt());
                assertThat(summary.engineers()).as("engineers of " + entity.getName())
                        .extracting(InstructorWithEngineers.EngineerSummary::id)
                        .containsExactlyElementsOf(entity.getEngineers().stream().map(Engineer::getId).toList());
            }
            assertThat(streamed.get(streamed.size() - 1).engineers()).as("Zed issued nothing").isEmpty();

            statements.reset();
            List<InstructorWithEngineers> page = work.instructors().findRowsWithEngineers(PageRequest.of(1, 5));
            assertThat(statements.count()).as("SQL statements for a page of rows").isEqualTo(1);
            assertThat(page).as("the second page of 5").isEqualTo(streamed.subList(5, 10));
            assertThat(work.instructors().findRowsWithEngineers(PageRequest.of(9, 5))).as("past the last page").isEmpty();
        });
    }

    @Test
    void oneInstructorsEngineersTakeOneStatement() {
        long graceId = certTrack.inTransaction(work -> {
            Instructor grace = new Instructor("Grace");
            for (int e = 0; e < 20; e++) {
                Engineer engineer = new Engineer("Engineer " + (char) ('T' - e), "backend", 30);
                grace.addCertificate(engineer.addCertificate(new Certificate("AWS", 2027)));
                grace.addCertificate(engineer.addCertificate(new Certificate("Azure", 2027)));
                work.engineers().add(engineer);
            }
            work.engineers().add(new Engineer("Not Grace's", "backend", 30));
            return grace.getId();
        });

        certTrack.useTransaction(work -> {
            statements.reset();
            List<Engineer> engineers = work.engineers().findByInstructorId(graceId, PageRequest.first(PageRequest.MAX_SIZE));
            assertThat(engineers).hasSize(20).extracting(Engineer::getName).isSorted().doesNotHaveDuplicates();
            assertThat(statements.count()).isEqualTo(1);
            assertThat(work.engineers().findByInstructorId(graceId, PageRequest.of(1, 15))).as("the second page of 15")
                    .containsExactlyElementsOf(engineers.subList(15, 20));
            assertThat(work.engineers().findByInstructorId(-1, PageRequest.first())).as("an unknown instructor").isEmpty();
        });
    }

    @Test
    void engineersWithTheirCertificatesTakeTwoStatements() {
        certTrack.useTransaction(work -> {
            Instructor grace = new Instructor("Grace");
            for (int e = 0; e < 25; e++) {
                Engineer engineer = new Engineer("Engineer " + e, "backend", 30);
                grace.addCertificate(engineer.addCertificate(new Certificate("AWS", 2027)));
                engineer.addCertificate(new Certificate("Azure", 2028));
                work.engineers().add(engineer);
            }
        });

        certTrack.useTransaction(work -> {
            statements.reset();
            List<Engineer> page = work.engineers().findAllWithCertificates(PageRequest.of(0, 20));
            assertThat(page).hasSize(20).allSatisfy(e -> {
                assertThat(e.getCertificates()).hasSize(2);
                assertThat(e.getInstructors()).extracting(Instructor::getName).containsExactly("Grace");
            });
            assertThat(statements.count()).isEqualTo(2);
        });
    }

    @Test
    void nameSearchTreatsWildcardsAsLiteralText() {
        certTrack.useTransaction(work -> {
            for (String name : List.of("Ada Lovelace", "100% Ada", "ada_lovelace", "Back\\slash", "O'Brien", "Adam")) {
                work.engineers().add(new Engineer(name, "backend", 30));
                work.instructors().add(new Instructor(name));
            }
        });

        certTrack.useTransaction(work -> {
            assertThat(work.engineers().findByNameContaining("ADA", PageRequest.first())).extracting(Engineer::getName)
                    .as("ignoring case").containsExactlyInAnyOrder("100% Ada", "Ada Lovelace", "ada_lovelace", "Adam");
            assertThat(work.engineers().findByNameContaining("%", PageRequest.first())).extracting(Engineer::getName).containsExactly("100% Ada");
            assertThat(work.engineers().findByNameContaining("_", PageRequest.first())).extracting(Engineer::getName).containsExactly("ada_lovelace");
            assertThat(work.engineers().findByNameContaining("\\", PageRequest.first())).extracting(Engineer::getName).containsExactly("Back\\slash");
            assertThat(work.engineers().findByNameContaining("'", PageRequest.first())).extracting(Engineer::getName).containsExactly("O'Brien");
            assertThat(work.engineers().findByNameContaining("'; DROP TABLE engineers; --", PageRequest.first())).isEmpty();
            assertThat(work.instructors().findByNameContaining("a_l", PageRequest.first())).extracting(Instructor::getName)
                    .containsExactly("ada_lovelace");
            assertThat(work.instructors().findByNameContaining("%", PageRequest.first())).extracting(Instructor::getName)
                    .containsExactly("100% Ada");
            assertThat(work.engineers().count()).isEqualTo(6);
        });
    }

    @ParameterizedTest(name = "searching for {0}")
    @ValueSource(strings = {"%", "_", "%%", "a%", "_a_", "'", "''", "\\", "\\%", "\"", "O'Brien", "%' OR '1'='1",
            "'; DROP TABLE engineers; --", "\"; DROP TABLE engineers; --", "'); DELETE FROM instructors; --",
            "*", ".*", "[a-z]", "$1", "?", ":name"})
    void hostileSearchTextIsMatchedLiterallyAndChangesNothing(String fragment) throws SQLException {
        List<String> names = List.of("Ada Lovelace", "100% Ada", "ada_lovelace", "Back\\slash", "O'Brien", "Adam",
                "Robert'); DROP TABLE engineers; --", "Quote\"d", "[a-z] and $1 and ?");
        certTrack.useTransaction(work -> {
            for (String name : names) {
                work.engineers().add(new Engineer(name, "backend", 30));
                work.instructors().add(new Instructor(name));
            }
        });
        List<String> before = tableContents();
        String lowerFragment = fragment.toLowerCase(java.util.Locale.ROOT);
        List<String> literalMatches = names.stream()
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).contains(lowerFragment))
                .sorted().toList();

        certTrack.useTransaction(work -> {
            assertThat(work.engineers().findByNameContaining(fragment, PageRequest.first())).extracting(Engineer::getName)
                    .as("engineers whose name contains %s as text", fragment)
                    .containsExactlyInAnyOrderElementsOf(literalMatches);
            assertThat(work.instructors().findByNameContaining(fragment, PageRequest.first())).extracting(Instructor::getName)
                    .as("instructors whose name contains %s as text", fragment)
                    .containsExactlyInAnyOrderElementsOf(literalMatches);
            assertThat(work.engineers().findBySpecialty(fragment, PageRequest.first())).isEmpty();
        });

        assertThat(tableContents()).as("every table after searching for %s", fragment).isEqualTo(before);
    }

    @Test
    void aCertificateNeedsAnEngineerBeforeItIsAdded() {
        assertThatThrownBy(() -> certTrack.useTransaction(work -> work.certificates().add(new Certificate("AWS", 2027))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Certificate.engineer is required, but was null");
    }

    @Test
    void deletingACertificateTakesItFromBothSides() {
        long adaId = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            new Instructor("Grace").addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
            ada.addCertificate(new Certificate("Azure", 2028));
            return work.engineers().add(ada).getId();
        });

        certTrack.useTransaction(work -> {
            Engineer ada = work.engineers().findById(adaId).orElseThrow();
            Certificate aws = ada.getCertificates().get(0);
            Instructor grace = aws.getInstructor();
            work.certificates().delete(aws);
            assertThat(ada.getCertificates()).extracting(Certificate::getTitle).containsExactly("Azure");
            assertThat(grace.getCertificates()).isEmpty();
        });

        certTrack.useTransaction(work -> {
            assertThat(work.certificates().count()).isEqualTo(1);
            assertThat(work.instructors().count()).isEqualTo(1);
        });
    }

    @Test
    void aFailedUnitOfWorkLeavesTheDatabaseAsItWas() {
        certTrack.useTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)));

        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            work.engineers().add(new Engineer("Linus", "devops", 50));
            work.engineers().findByNameContaining("Ada", PageRequest.first()).get(0).setAge(37);
            work.flush();
            throw new IllegalStateException("the caller changed its mind");
        })).hasMessage("the caller changed its mind");

        certTrack.useTransaction(work -> {
            assertThat(work.engineers().count()).isEqualTo(1);
            assertThat(work.engineers().findByNameContaining("Ada", PageRequest.first()).get(0).getAge()).isEqualTo(36);
        });
    }
}
