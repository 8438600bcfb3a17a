package org.certtrack.peer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Instructors, with their certificates and engineers fetched in the same statement where asked. */
public interface InstructorRepository extends JpaRepository<Instructor, Long> {

    /**
     * The ids of one page of instructors, in the pageable's order. Paging the ids first, then fetching their
     * graphs, keeps LIMIT/OFFSET in the database: a collection fetch with a page would page in memory.
     */
    @Query("select i.id from Instructor i")
    List<Long> findIds(Pageable pageable);

    /** The instructors with these ids, each with their certificates and the certificates' engineers, in one select. */
    @EntityGraph(attributePaths = {"certificates", "certificates.engineer"})
    List<Instructor> findByIdIn(Collection<Long> ids, Sort sort);

    /** Every instructor with their certificates and the certificates' engineers, in one select. */
    @EntityGraph(attributePaths = {"certificates", "certificates.engineer"})
    @Query("select i from Instructor i")
    List<Instructor> findAllWithEngineers(Sort sort);
}
