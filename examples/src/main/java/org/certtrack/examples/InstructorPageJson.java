package org.certtrack.examples;

import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.certtrack.InstructorRepository;
import org.certtrack.PageRequest;
import org.certtrack.UnitOfWork;
import org.hibernate.Session;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes {@code GET /instructors}: a page of instructors with their engineers as the same JSON as
 * {@link ApiJson.InstructorJson} records from {@link InstructorRepository#findRowsWithEngineers}, but straight
 * from a forward-only cursor into Jackson's streaming generator, with no records or lists in between.
 *
 * <p>Why not the repository: a page of 20 instructors is about 2,000 rows, and a profile of the benchmark's
 * load showed about 40% of the server's time in Hibernate reading each row's two {@code Instant}s (a
 * {@code Calendar} per value, repeated on every engineer's row), and most of the rest in mapping rows and
 * serializing records. Here the cursor runs on the unit of work's own connection (in its read-only
 * transaction), each instructor's timestamps are read once, and each row goes out as it is read. The SQL is
 * the repository's, so both answer the same rows; {@code ApiServerContract} checks that the bytes match.
 */
final class InstructorPageJson {

    // The same rows as InstructorRepository.findRowsWithEngineers: the page of instructors first, from the
    // (name, id) index, then only their certificates' distinct engineers; one row per pair, or one row with
    // no engineer for an instructor who issued nothing.
    private static final String PAGE_OF_PAIRS = """
            WITH page AS (SELECT id, name, created_at, updated_at FROM instructors ORDER BY name, id LIMIT ? OFFSET ?)
            SELECT i.id, i.name, i.created_at, i.updated_at, e.id, e.name, e.specialty, e.age
            FROM page i
            LEFT JOIN %s ON pairs.instructor_id = i.id
            LEFT JOIN engineers e ON e.id = pairs.engineer_id
            ORDER BY i.name, i.id, e.name, e.id""";
    // PostgreSQL plans the repository's form as a scan of all certificates (43 ms at 100,000, the benchmark's
    // data set), where a lateral join reads each instructor's through ix_certificates_instructor_id (29 ms).
    private static final String POSTGRESQL = PAGE_OF_PAIRS.formatted(
            "LATERAL (SELECT DISTINCT c.instructor_id, c.engineer_id FROM certificates c WHERE c.instructor_id = i.id) pairs");
    // H2 has no LATERAL.
    private static final String OTHERS = PAGE_OF_PAIRS.formatted("""
            (SELECT DISTINCT c.instructor_id, c.engineer_id FROM certificates c
                       WHERE c.instructor_id IN (SELECT id FROM page)) pairs""");

    private InstructorPageJson() {
    }

    /** The page as the JSON array {@code GET /instructors} answers, read in one statement inside {@code work}. */
    static byte[] write(UnitOfWork work, PageRequest page, ObjectMapper json) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        work.entityManager().unwrap(Session.class).doWork(connection -> {
            String sql = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? POSTGRESQL : OTHERS;
            try (PreparedStatement statement = connection.prepareStatement(sql,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setInt(1, page.size());
                statement.setLong(2, page.offset());
                try (ResultSet rows = statement.executeQuery(); JsonGenerator out = json.createGenerator(body)) {
                    writeRows(rows, out);
                }
            }
        });
        return body.toByteArray();
    }

    /** Folds the rows, ordered by instructor, into {@code [{id, name, created_at, updated_at, engineers: [...]}]}. */
    private static void writeRows(ResultSet rows, JsonGenerator out) throws SQLException {
        out.writeStartArray();
        long instructor = 0;
        boolean first = true;
        while (rows.next()) {
            long id = rows.getLong(1);
            if (first || id != instructor) {
                if (!first) {
                    out.writeEndArray();
                    out.writeEndObject();
                }
                first = false;
                instructor = id;
                out.writeStartObject();
                out.writeNumberProperty("id", id);
                out.writeStringProperty("name", rows.getString(2));
                out.writeStringProperty("created_at", instant(rows, 3));
                out.writeStringProperty("updated_at", instant(rows, 4));
                out.writeName("engineers");
                out.writeStartArray();
            }
            long engineer = rows.getLong(5);
            if (!rows.wasNull()) {
                out.writeStartObject();
                out.writeNumberProperty("id", engineer);
                out.writeStringProperty("name", rows.getString(6));
                out.writeStringProperty("specialty", rows.getString(7));
                out.writeNumberProperty("age", rows.getInt(8));
                out.writeEndObject();
            }
        }
        if (!first) {
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /** A timestamp as Jackson writes an {@code Instant}: ISO-8601 in UTC ({@link java.time.Instant#toString()}). */
    private static String instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant().toString();
    }
}
