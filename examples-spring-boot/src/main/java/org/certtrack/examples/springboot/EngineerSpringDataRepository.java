package org.certtrack.examples.springboot;

import java.util.List;

import org.certtrack.Engineer;
import org.springframework.data.jpa.repository.JpaRepository;

/** A Spring Data repository over certtrack's {@link Engineer}, next to certtrack's own repositories. */
interface EngineerSpringDataRepository extends JpaRepository<Engineer, Long> {

    /** The engineers with this specialty, by name; empty when none has it. */
    List<Engineer> findBySpecialtyOrderByNameAsc(String specialty);

    /** How many engineers are at least {@code age} years old. */
    long countByAgeGreaterThanEqual(int age);
}
