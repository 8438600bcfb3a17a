package org.example.slice;

import org.springframework.data.jpa.repository.JpaRepository;

/** The application's own Spring Data repository. */
public interface ProjectRepository extends JpaRepository<Project, Long> {
}
