package org.certtrack.spring.app;

import java.util.List;

import org.certtrack.Engineer;
import org.springframework.data.jpa.repository.JpaRepository;

/** A Spring Data repository over certtrack's entity, beside certtrack's own repository. */
public interface EngineerSpringDataRepository extends JpaRepository<Engineer, Long> {

    /** The engineers with this specialty. */
    List<Engineer> findBySpecialty(String specialty);
}
