package org.certtrack.peer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

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

    /**
     * One page of instructors in name order, each with their certificates and the certificates' engineers, in
     * one select: the page of ids is a subquery, so LIMIT/OFFSET stay in the database without a second statement.
     */
    @Query("""
            select i from Instructor i
            left join fetch i.certificates c
            left join fetch c.engineer
            where i.id in (select p.id from Instructor p order by p.name, p.id limit :size offset :offset)
            order by i.name, i.id""")
    List<Instructor> findPageWithEngineers(@Param("size") int size, @Param("offset") long offset);

    /** Every instructor with their certificates and the certificates' engineers, in one select. */
    @EntityGraph(attributePaths = {"certificates", "certificates.engineer"})
    @Query("select i from Instructor i")
    List<Instructor> findAllWithEngineers(Sort sort);
}
