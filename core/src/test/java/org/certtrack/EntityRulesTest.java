package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The entities reject invalid values in Java, before any SQL runs, naming the field and the problem. */
class EntityRulesTest {

    @Test
    void namesMustBeNonBlank() {
        assertRejected(() -> new Instructor("   "), "Instructor.name", "Instructor.name must not be blank, but was \"   \"");
        assertRejected(() -> new Instructor(""), "Instructor.name", "Instructor.name must not be blank, but was \"\"");
        assertRejected(() -> new Instructor(null), "Instructor.name", "Instructor.name is required, but was null");
        assertRejected(() -> new Engineer("\t\n", "backend", 30), "Engineer.name", "Engineer.name must not be blank, but was \"\t\n\"");
        assertRejected(() -> new Engineer("Ada", " ", 30), "Engineer.specialty", "Engineer.specialty must not be blank, but was \" \"");
        assertRejected(() -> new Certificate("", 2027), "Certificate.title", "Certificate.title must not be blank, but was \"\"");
    }

    @Test
    void textMustFitItsColumn() {
        assertRejected(() -> new Engineer("x".repeat(101), "backend", 30), "Engineer.name",
                "Engineer.name must be at most 100 characters, but was \"" + "x".repeat(40) + "...(101 characters)\"");
        assertRejected(() -> new Engineer("Ada", "x".repeat(51), 30), "Engineer.specialty", null);
        assertRejected(() -> new Instructor("x".repeat(101)), "Instructor.name", null);
        assertRejected(() -> new Certificate("x".repeat(101), 2027), "Certificate.title", null);
        assertThat(new Engineer("x".repeat(100), "x".repeat(50), 30).getName()).hasSize(100);
    }

    @Test
    void lengthsCountCharactersNotUtf16UnitsAsPostgreSqlDoes() {
        String emoji = "\uD83D\uDE00";                                    // one character, two UTF-16 units
        assertThat(new Engineer(emoji.repeat(100), emoji.repeat(50), 30).getName()).as("100 emoji").isEqualTo(emoji.repeat(100));
        assertThat(new Instructor("x".repeat(99) + emoji).getName()).as("99 letters and an emoji").hasSize(101);
        assertThat(new Certificate(emoji.repeat(100), 2027).getTitle()).isEqualTo(emoji.repeat(100));
        assertRejected(() -> new Instructor(emoji.repeat(101)), "Instructor.name",
                "Instructor.name must be at most 100 characters, but was \"" + emoji.repeat(40) + "...(101 characters)\"");
        assertRejected(() -> new Engineer("x" + emoji.repeat(40), "backend", 30).setName("x" + emoji.repeat(100)), "Engineer.name",
                "Engineer.name must be at most 100 characters, but was \"x" + emoji.repeat(39) + "...(101 characters)\"");
    }

    @Test
    void loneSurrogatesAreRejectedNamingWhereTheyAre() {
        assertRejected(() -> new Instructor("Grace \uD83D"), "Instructor.name",
                "Instructor.name must not contain a lone surrogate (U+D83D at index 6), which is not a character, but was \"Grace \uFFFD\"");
        assertRejected(() -> new Engineer("\uDE00Ada", "backend", 30), "Engineer.name", null);
        assertRejected(() -> new Engineer("Ada", "back\uDE00\uD83Dend", 30), "Engineer.specialty", null);
        assertRejected(() -> new Certificate("AWS\uD83D", 2027), "Certificate.title", null);
        assertThatThrownBy(() -> org.certtrack.internal.Require.searchText("name", "Ada\uD83D"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("lone surrogate");
    }

    @Test
    void oneDefinitionOfBlankCoversJavasWhitespaceAndTheInvisibleCharacters() {
        String blank = org.certtrack.internal.Require.BLANK;
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                assertThat(blank.indexOf(c)).as("U+%04X, whitespace or a space character in Java, counts as blank", c).isNotNegative();
            }
        }
        for (char c : "\u00A0\u200B\u3164\u2060\u0085\u3000\u2003\u000B\u000C\u2028\uFEFF\u180E".toCharArray()) {
            String name = String.valueOf(c).repeat(3);
            assertRejected(() -> new Instructor(name), "Instructor.name", null);
            assertRejected(() -> new Engineer(" " + c + "\t", "backend", 30), "Engineer.name", null);
        }
        assertThat(new Instructor("\u200BAda\u00A0").getName()).as("blank characters around a name are kept").isEqualTo("\u200BAda\u00A0");
    }

    @Test
    void agesAndYearsMustBePlausible() {
        assertRejected(() -> new Engineer("Ada", "backend", 15), "Engineer.age", "Engineer.age must be between 16 and 100, but was 15");
        assertRejected(() -> new Engineer("Ada", "backend", -3), "Engineer.age", null);
        assertRejected(() -> new Engineer("Ada", "backend", 101), "Engineer.age", null);
        assertRejected(() -> new Certificate("AWS", 1999), "Certificate.expirationYear",
                "Certificate.expirationYear must be between 2000 and 2100, but was 1999");
        assertRejected(() -> new Certificate("AWS", 2101), "Certificate.expirationYear", null);
        assertThat(new Engineer("Ada", "backend", 16).getAge()).isEqualTo(16);
        assertThat(new Certificate("AWS", 2100).getExpirationYear()).isEqualTo(2100);
    }

    @Test
    void settersCheckToo() {
        Engineer ada = new Engineer("Ada", "backend", 36);
        assertRejected(() -> ada.setName(" "), "Engineer.name", null);
        assertRejected(() -> ada.setAge(200), "Engineer.age", null);
        assertThat(ada.getName()).as("unchanged after a rejected rename").isEqualTo("Ada");
        assertThat(ada.getAge()).isEqualTo(36);
        assertRejected(() -> ada.addCertificate(null), "Engineer.certificates", null);
        assertRejected(() -> new Instructor("Grace").addCertificate(null), "Instructor.certificates", null);
    }

    @Test
    void collectionsAreReadOnlyViews() {
        Engineer ada = new Engineer("Ada", "backend", 36);
        assertThatThrownBy(() -> ada.getCertificates().add(new Certificate("AWS", 2027)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Instructor("Grace").getCertificates().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShowsScalarsOnly() {
        Engineer ada = new Engineer("Ada", "backend", 36);
        ada.addCertificate(new Certificate("AWS", 2027));
        assertThat(ada).hasToString("Engineer{id=null, name='Ada', specialty='backend', age=36}");
    }

    private static void assertRejected(ThrowingCallable call, String field, String message) {
        var thrown = assertThatThrownBy(call).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("field", field);
        if (message != null) {
            thrown.hasMessage(message);
        }
    }
}
