package org.certtrack.peer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads instructors with their engineers, each in one read-only transaction. */
@Service
@Transactional(readOnly = true)
public class InstructorService {

    /** Instructors are listed by name, then id. */
    public static final Sort BY_NAME = Sort.by("name", "id");

    // The page of instructors and their distinct engineers in one statement: what a team writes when the
    // entity graph's two statements and its hydration show up in a profile. Only the page's certificates are
    // read: a DISTINCT over all of them cost a scan of the table on every page.
    private static final String PAGE_WITH_ENGINEERS = """
            WITH i AS (SELECT id, name, created_at, updated_at FROM instructors
                       ORDER BY name, id LIMIT :limit OFFSET :offset)
            SELECT i.id, i.name, i.created_at, i.updated_at, e.id, e.name, e.specialty, e.age
            FROM i
            LEFT JOIN (SELECT DISTINCT instructor_id, engineer_id FROM certificates
                       WHERE instructor_id IN (SELECT id FROM i)) pairs ON pairs.instructor_id = i.id
            LEFT JOIN engineers e ON e.id = pairs.engineer_id
            ORDER BY i.name, i.id, e.name, e.id""";

    private final InstructorRepository instructors;
    private final JdbcClient jdbc;

    public InstructorService(InstructorRepository instructors, JdbcClient jdbc) {
        this.instructors = instructors;
        this.jdbc = jdbc;
    }

    /** One page of instructors by name, with their engineers, through the entity graph: 2 statements. */
    public List<InstructorJson> page(Pageable pageable) {
        List<Long> ids = instructors.findIds(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), BY_NAME));
        if (ids.isEmpty()) {
            return List.of();
        }
        return instructors.findByIdIn(ids, BY_NAME).stream().map(InstructorJson::of).toList();
    }

    /** The same page as {@link #page}, as entities fetched in one statement. */
    public List<InstructorJson> pageOfEntitiesInOneSelect(Pageable pageable) {
        return instructors.findPageWithEngineers(pageable.getPageSize(), pageable.getOffset()).stream()
                .map(InstructorJson::of).toList();
    }

    /** The same page as {@link #page}, read in one statement with no entity. */
    public List<InstructorJson> pageInOneSelect(Pageable pageable) {
        List<InstructorJson> page = new ArrayList<>(pageable.getPageSize());
        jdbc.sql(PAGE_WITH_ENGINEERS)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(new Grouping(page));
        return page;
    }

    /** Every instructor by name, with their engineers, as entities fetched in one statement. */
    public List<InstructorJson> all() {
        return instructors.findAllWithEngineers(BY_NAME).stream().map(InstructorJson::of).toList();
    }

    /** Folds the join's rows, one per instructor and engineer, into one instructor each. */
    private static final class Grouping implements RowCallbackHandler {

        private final List<InstructorJson> out;
        private List<InstructorJson.EngineerJson> engineers;
        private long current = -1;

        Grouping(List<InstructorJson> out) {
            this.out = out;
        }

        @Override
        public void processRow(ResultSet rows) throws SQLException {
            long id = rows.getLong(1);
            if (id != current) {
                current = id;
                engineers = new ArrayList<>();
                out.add(new InstructorJson(id, rows.getString(2), rows.getObject(3, OffsetDateTime.class).toInstant(),
                        rows.getObject(4, OffsetDateTime.class).toInstant(), engineers));
            }
            long engineerId = rows.getLong(5);
            if (!rows.wasNull()) {
                engineers.add(new InstructorJson.EngineerJson(engineerId, rows.getString(6), rows.getString(7), rows.getInt(8)));
            }
        }
    }
}
