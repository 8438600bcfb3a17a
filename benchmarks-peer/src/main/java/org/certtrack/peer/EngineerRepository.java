package org.certtrack.peer;

import org.springframework.data.jpa.repository.JpaRepository;

/** Engineers; saving one saves its certificates. */
public interface EngineerRepository extends JpaRepository<Engineer, Long> {
}
