package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The derived lists ({@link Instructor#getEngineers()}, {@link Engineer#getInstructors()}) stay linear in
 * the number of certificates although entities share one constant hash code. Time is never asserted:
 * the test counts the {@code equals} and {@code hashCode} calls the deduplication makes on values that
 * hash like entities do, which a hashed set of them turns quadratic.
 */
class DerivedListsTest {

    private static final int CERTIFICATES = 50_000;
    private static final int DISTINCT = 10_000;

    @Test
    void deduplicatingManyValuesWithOneHashCodeMakesNoQuadraticNumberOfComparisons() {
        AtomicLong calls = new AtomicLong();
        List<Counted> values = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            values.add(new Counted(i < DISTINCT / 2 ? (long) i : null, "value " + (i % 100), calls));
        }
        List<Certificate> certificates = new ArrayList<>();
        List<Counted> sides = new ArrayList<>();
        for (int i = 0; i < CERTIFICATES; i++) {
            certificates.add(new Certificate(String.valueOf(i), 2030));      // the title says which value it links
            // Saved values also come back as other instances with the same id, as a proxy and its entity do.
            Counted value = values.get(i % DISTINCT);
            sides.add(value.id != null && i % 2 == 0 ? new Counted(value.id, value.name, calls) : value);
        }

        List<Counted> distinct = Certificate.distinctSorted(certificates, c -> sides.get(Integer.parseInt(c.getTitle())),
                Counted::name, Counted::id);

        System.out.printf("derived list: %,d certificates, %,d distinct values: %,d equals/hashCode calls on the values%n",
                CERTIFICATES, DISTINCT, calls.get());
        assertThat(distinct).as("each saved value once by id, each unsaved instance once").hasSize(DISTINCT);
        assertThat(calls.get()).as("equals and hashCode calls on the values while deduplicating %,d of them, %,d distinct",
                CERTIFICATES, DISTINCT).isLessThanOrEqualTo(CERTIFICATES);
    }

    @Test
    void anInstructorWithManyCertificatesListsEachEngineerOnceInNameOrder() {
        Instructor instructor = new Instructor("Grace");
        List<Engineer> engineers = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            engineers.add(new Engineer(String.format("Engineer %05d", DISTINCT - i), "backend", 30));
        }
        for (int i = 0; i < CERTIFICATES; i++) {
            instructor.addCertificate(engineers.get(i % DISTINCT).addCertificate(new Certificate("Cert " + i, 2030)));
        }

        List<Engineer> listed = instructor.getEngineers();

        assertThat(listed).as("engineers of an instructor with %,d certificates", CERTIFICATES).hasSize(DISTINCT)
                .doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> a.getName().compareTo(b.getName()));
    }

    /** A value that hashes as certtrack's entities do (one constant) and counts its equals and hashCode calls. */
    private static final class Counted {
        private final Long id;
        private final String name;
        private final AtomicLong calls;

        Counted(Long id, String name, AtomicLong calls) {
            this.id = id;
            this.name = name;
            this.calls = calls;
        }

        Long id() {
            return id;
        }

        String name() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            calls.incrementAndGet();
            return this == other || other instanceof Counted counted && id != null && id.equals(counted.id);
        }

        @Override
        public int hashCode() {
            calls.incrementAndGet();
            return Counted.class.hashCode();
        }
    }
}
