package org.certtrack.spring.host;

import org.springframework.data.jpa.repository.JpaRepository;

/** The host's Spring Data repository. */
public interface SquadRepository extends JpaRepository<Squad, Long> {
}
