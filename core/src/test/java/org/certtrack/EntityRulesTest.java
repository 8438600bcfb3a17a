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
