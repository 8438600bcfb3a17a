package org.certtrack.seed;

import java.util.IdentityHashMap;
import java.util.Map;

import org.certtrack.Engineer;
import org.certtrack.Instructor;

/**
 * What one top-level {@code build()} has built so far, so that an {@link InstructorBuilder} or
 * {@link EngineerBuilder} named by several certificates of one graph gives them one shared entity.
 */
final class BuildContext {

    private final Map<InstructorBuilder, Instructor> instructors = new IdentityHashMap<>();
    private final Map<EngineerBuilder, Engineer> engineers = new IdentityHashMap<>();
    private Engineer defaultEngineer;

    void built(InstructorBuilder builder, Instructor instructor) {
        instructors.put(builder, instructor);
    }

    void built(EngineerBuilder builder, Engineer engineer) {
        engineers.put(builder, engineer);
    }

    /** The engineer {@code builder} built in this context, built now if it has not been; null means the default. */
    Engineer engineer(EngineerBuilder builder) {
        if (builder == null) {
            if (defaultEngineer == null) {
                defaultEngineer = EngineerBuilder.anEngineer().build(this);
            }
            return defaultEngineer;
        }
        Engineer built = engineers.get(builder);
        return built != null ? built : builder.build(this);
    }

    /** The instructor {@code builder} built in this context, built now if it has not been. */
    Instructor instructor(InstructorBuilder builder) {
        Instructor built = instructors.get(builder);
        return built != null ? built : builder.build(this);
    }
}
