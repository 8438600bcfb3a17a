package org.certtrack.peer;

import java.time.Instant;
import java.util.List;

/**
 * {@code {id, name, created_at, updated_at, engineers: [{id, name, specialty, age}]}}: what
 * {@code GET /instructors} answers, built inside the read-only transaction so that serializing it never
 * touches Hibernate. Jackson writes the components in snake_case (application.properties).
 */
public record InstructorJson(long id, String name, Instant createdAt, Instant updatedAt, List<EngineerJson> engineers) {

    static InstructorJson of(Instructor instructor) {
        return new InstructorJson(instructor.getId(), instructor.getName(), instructor.getCreatedAt(),
                instructor.getUpdatedAt(), instructor.getEngineers().stream().map(EngineerJson::of).toList());
    }

    /** An engineer inside an instructor. */
    public record EngineerJson(long id, String name, String specialty, int age) {

        static EngineerJson of(Engineer engineer) {
            return new EngineerJson(engineer.getId(), engineer.getName(), engineer.getSpecialty(), engineer.getAge());
        }
    }
}
