package org.certtrack.examples;

import java.time.Instant;
import java.util.List;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.InstructorWithEngineers;

/**
 * What the JSON API sends: small records made from the entities inside a unit of work, so that
 * serializing them never touches Hibernate (no lazy loading, no cycles). Jackson writes the record
 * components in snake_case ({@code expiration_year}).
 */
final class ApiJson {

    private ApiJson() {
    }

    /** {@code {id, title, expiration_year}} */
    record CertificateJson(long id, String title, int expirationYear) {

        static CertificateJson of(Certificate certificate) {
            return new CertificateJson(certificate.getId(), certificate.getTitle(), certificate.getExpirationYear());
        }
    }

    /** {@code {id, name, specialty, age, certificates: [...]}}; needs the engineer's certificates loaded. */
    record EngineerJson(long id, String name, String specialty, int age, List<CertificateJson> certificates) {

        static EngineerJson of(Engineer engineer) {
            return new EngineerJson(engineer.getId(), engineer.getName(), engineer.getSpecialty(), engineer.getAge(),
                    engineer.getCertificates().stream().map(CertificateJson::of).toList());
        }
    }

    /** An engineer inside an instructor: {@code {id, name, specialty, age}}. */
    record EngineerSummaryJson(long id, String name, String specialty, int age) {

        static EngineerSummaryJson of(Engineer engineer) {
            return new EngineerSummaryJson(engineer.getId(), engineer.getName(), engineer.getSpecialty(), engineer.getAge());
        }

        static EngineerSummaryJson of(InstructorWithEngineers.EngineerSummary engineer) {
            return new EngineerSummaryJson(engineer.id(), engineer.name(), engineer.specialty(), engineer.age());
        }
    }

    /** {@code {id, name, created_at, updated_at, engineers: [...]}}, each engineer once. */
    record InstructorJson(long id, String name, Instant createdAt, Instant updatedAt,
                          List<EngineerSummaryJson> engineers) {

        static InstructorJson of(InstructorWithEngineers summary) {
            return new InstructorJson(summary.id(), summary.name(), summary.createdAt(), summary.updatedAt(),
                    summary.engineers().stream().map(EngineerSummaryJson::of).toList());
        }

        static InstructorJson of(Instructor instructor, List<Engineer> engineers) {
            return new InstructorJson(instructor.getId(), instructor.getName(), instructor.getCreatedAt(),
                    instructor.getUpdatedAt(), engineers.stream().map(EngineerSummaryJson::of).toList());
        }
    }

    /** {@code {message}}: the body of every error. */
    record MessageJson(String message) {
    }
}
