package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certtrack.internal.Require;
import org.junit.jupiter.api.Test;

/**
 * The text rules agree between Java and the database, and between H2 and PostgreSQL: one definition of
 * blank, lengths in characters, and a name search that gives the same rows on both databases.
 */
abstract class TextRulesContract extends DatabaseContract {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void theDatabaseRejectsExactlyWhatJavaCallsBlank() throws SQLException {
        for (int c : Require.BLANK.codePoints().toArray()) {
            String alone = "CHR(" + c + ") || CHR(" + c + ")";
            String withSpaces = "' ' || CHR(" + c + ") || ' '";
            for (String value : List.of(alone, withSpaces)) {
                assertRejected("INSERT INTO instructors (name) VALUES (" + value + ")", "instructors", c);
                assertRejected("INSERT INTO engineers (name, specialty, age) VALUES (" + value + ", 'backend', 30)", "engineers", c);
                assertRejected("INSERT INTO engineers (name, specialty, age) VALUES ('Ada', " + value + ", 30)", "engineers", c);
            }
            String java = Character.toString(c).repeat(2);
            assertThatThrownBy(() -> new Instructor(java)).as("U+%04X in Java", c).isInstanceOf(InvalidValueException.class);
        }
        executeSql("INSERT INTO instructors (name) VALUES (CHR(8203) || 'Ada' || CHR(160))");
        assertThat(queryForLong("SELECT COUNT(*) FROM instructors")).as("a name around blank characters is kept").isEqualTo(1);
        long id = certTrack.inTransaction(work -> work.instructors().add(new Instructor("\u200BAda\u00A0")).getId());
        assertThat(certTrack.<String>inTransaction(work -> work.instructors().getById(id).getName())).isEqualTo("\u200BAda\u00A0");
    }

    @Test
    void lengthsAreCountedInCharactersOnBothDatabases() throws SQLException {
        long id = certTrack.inTransaction(work -> {
            Engineer emoji = new Engineer(EMOJI.repeat(100), EMOJI.repeat(50), 30);
            emoji.addCertificate(new Certificate(EMOJI.repeat(100), 2027));
            work.instructors().add(new Instructor("x".repeat(99) + EMOJI));
            return work.engineers().add(emoji).getId();
        });
        certTrack.useTransaction(work -> {
            Engineer read = work.engineers().getById(id);
            assertThat(read.getName()).as("100 emoji, read back").isEqualTo(EMOJI.repeat(100));
            assertThat(read.getSpecialty()).isEqualTo(EMOJI.repeat(50));
            assertThat(read.getCertificates().get(0).getTitle()).isEqualTo(EMOJI.repeat(100));
            assertThat(work.instructors().findByNameContaining(EMOJI, PageRequest.first())).extracting(Instructor::getName)
                    .containsExactly("x".repeat(99) + EMOJI);
        });
        String tooLong = "REPEAT(U&'\\+01F600', 101)";
        assertRejected("INSERT INTO instructors (name) VALUES (" + tooLong + ")", "instructors", 0x1F600);
        assertRejected("INSERT INTO engineers (name, specialty, age) VALUES ('Ada', REPEAT('x', 51), 30)", "engineers", 'x');
        assertRejected("INSERT INTO engineers (name, specialty, age) VALUES (REPEAT('x', 101), 'backend', 30)", "engineers", 'x');
    }

    /** A fixed multilingual corpus: each search's rows, the same on H2 and PostgreSQL. */
    @Test
    void nameSearchGivesTheSameRowsOnBothDatabases() {
        List<String> corpus = List.of("İlker Başbuğ", "ilker yılmaz", "ΟΔΥΣΣΕΑΣ ΕΛΥΤΗΣ", "Οδυσσέας Ελύτης", "Ada Lovelace",
                "ADA KING", "Straße", "STRASSE", "Zoë", "ZOË", "日本語", "Grace " + EMOJI);
        certTrack.useTransaction(work -> corpus.forEach(name -> {
            work.instructors().add(new Instructor(name));
            work.engineers().add(new Engineer(name, "backend", 30));
        }));

        Map<String, List<String>> expected = new LinkedHashMap<>();
        corpus.forEach(name -> expected.put(name, List.of(name)));
        expected.put("İlker Başbuğ", List.of("İlker Başbuğ"));
        expected.put("ilker", List.of("ilker yılmaz"));                     // İ is not I: only A-Z are folded
        expected.put("İLKER", List.of("İlker Başbuğ"));
        expected.put("ΟΔΥΣΣΕΑΣ", List.of("ΟΔΥΣΣΕΑΣ ΕΛΥΤΗΣ"));
        expected.put("οδυσσέας", List.of());
        expected.put("Οδυσσέας", List.of("Οδυσσέας Ελύτης"));
        expected.put("ada", List.of("ADA KING", "Ada Lovelace"));
        expected.put("strasse", List.of("STRASSE"));
        expected.put("ß", List.of("Straße"));
        expected.put("ë", List.of("Zoë"));
        expected.put("zo", List.of("ZOË", "Zoë"));
        expected.put(EMOJI, List.of("Grace " + EMOJI));
        expected.put("語", List.of("日本語"));

        certTrack.useTransaction(work -> expected.forEach((search, rows) -> {
            assertThat(work.engineers().findByNameContaining(search, PageRequest.first())).extracting(Engineer::getName)
                    .as("engineers named like \"%s\"", search).containsExactlyInAnyOrderElementsOf(rows);
            assertThat(work.instructors().findByNameContaining(search, PageRequest.first())).extracting(Instructor::getName)
                    .as("instructors named like \"%s\"", search).containsExactlyInAnyOrderElementsOf(rows);
        }));
    }

    private void assertRejected(String insert, String table, int codePoint) throws SQLException {
        long before = queryForLong("SELECT COUNT(*) FROM " + table);
        assertThatThrownBy(() -> executeSql(insert)).as("U+%04X: %s", codePoint, insert).isInstanceOf(SQLException.class);
        assertThat(queryForLong("SELECT COUNT(*) FROM " + table)).as("nothing written by " + insert).isEqualTo(before);
    }
}
