package org.certtrack.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a sized data set with PostgreSQL's {@code COPY}, the database's own bulk path: the floor the
 * seeder is compared with, and a quick way to give read benchmarks their data. Each engineer holds
 * {@code certificatesPerEngineer} certificates from as many different instructors, drawn with a seeded
 * random, so the data is the same on every run.
 */
final class CopyLoader {

    private static final String[] TITLES = {"AWS", "Azure", "Github"};
    private static final String[] SPECIALTIES = {"fullstack", "frontend", "backend", "quality assurance", "devops"};

    private final int engineers;
    private final int certificatesPerEngineer;
    private final int instructors;

    CopyLoader(int engineers, int certificatesPerEngineer, int instructors) {
        this.engineers = engineers;
        this.certificatesPerEngineer = certificatesPerEngineer;
        this.instructors = instructors;
    }

    int rows() {
        return instructors + engineers + engineers * certificatesPerEngineer;
    }

    /** Loads the rows in one transaction and moves the id sequences past them. */
    void load(Connection connection) throws SQLException, IOException {
        connection.setAutoCommit(false);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY instructors (id, name) FROM STDIN", new RowReader(instructors, (i, line) ->
                line.append(i + 1).append('\t').append("Instructor ").append(i + 1)));
        copy.copyIn("COPY engineers (id, name, specialty, age) FROM STDIN", new RowReader(engineers, (i, line) ->
                line.append(i + 1).append('\t').append("Engineer ").append(i + 1).append('\t')
                        .append(SPECIALTIES[i % SPECIALTIES.length]).append('\t').append(19 + i % 52)));
        Random random = new Random(42);
        int[] drawn = new int[certificatesPerEngineer];
        copy.copyIn("COPY certificates (id, title, expiration_year, engineer_id, instructor_id) FROM STDIN",
                new RowReader(engineers * certificatesPerEngineer, (c, line) -> {
                    int engineer = c / certificatesPerEngineer;
                    int slot = c % certificatesPerEngineer;
                    drawn[slot] = distinctInstructor(random, drawn, slot);
                    line.append(c + 1).append('\t').append(TITLES[c % TITLES.length]).append('\t')
                            .append(2022 + c % 9).append('\t').append(engineer + 1).append('\t').append(drawn[slot]);
                }));
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER SEQUENCE instructors_id_seq RESTART WITH " + (instructors + 100));
            statement.execute("ALTER SEQUENCE engineers_id_seq RESTART WITH " + (engineers + 100));
            statement.execute("ALTER SEQUENCE certificates_id_seq RESTART WITH " + (engineers * certificatesPerEngineer + 100));
        }
        connection.commit();
    }

    private int distinctInstructor(Random random, int[] drawn, int slot) {
        while (true) {
            int candidate = 1 + random.nextInt(instructors);
            boolean taken = false;
            for (int i = 0; i < slot; i++) {
                taken |= drawn[i] == candidate;
            }
            if (!taken || slot >= instructors) {
                return candidate;
            }
        }
    }

    /** Writes one line of COPY text for row {@code index}. */
    @FunctionalInterface
    interface RowWriter {
        void write(int index, StringBuilder line);
    }

    /** COPY text produced row by row as the server reads it, so memory stays flat. */
    static final class RowReader extends Reader {
        private final int rows;
        private final RowWriter writer;
        private final StringBuilder buffer = new StringBuilder();
        private int next;
        private int position;

        RowReader(int rows, RowWriter writer) {
            this.rows = rows;
            this.writer = writer;
        }

        @Override
        public int read(char[] target, int offset, int length) {
            if (position == buffer.length()) {
                buffer.setLength(0);
                position = 0;
                for (int i = 0; i < 256 && next < rows; i++, next++) {
                    writer.write(next, buffer);
                    buffer.append('\n');
                }
                if (buffer.length() == 0) {
                    return -1;
                }
            }
            int count = Math.min(length, buffer.length() - position);
            buffer.getChars(position, position + count, target, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {
        }
    }
}
