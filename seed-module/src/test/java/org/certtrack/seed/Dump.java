package org.certtrack.seed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * A canonical text dump of certtrack's rows, for comparing databases byte for byte: every table in id
 * order, every column except the instructors' {@code created_at} and {@code updated_at}, which come from
 * the database's clock and so differ between any two runs.
 */
final class Dump {

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("instructors", "SELECT id, name FROM instructors ORDER BY id");
        QUERIES.put("engineers", "SELECT id, name, specialty, age FROM engineers ORDER BY id");
        QUERIES.put("certificates",
                "SELECT id, title, expiration_year, engineer_id, instructor_id FROM certificates ORDER BY id");
    }

    private Dump() {
    }

    static String of(DataSource dataSource) {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : QUERIES.entrySet()) {
                dump.append("# ").append(table.getKey()).append('\n');
                try (ResultSet rows = statement.executeQuery(table.getValue())) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            dump.append(column > 1 ? "|" : "").append(rows.getString(column));
                        }
                        dump.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not dump the database: " + e.getMessage(), e);
        }
        return dump.toString();
    }

    /** The number of rows in a table. */
    static long count(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count " + table + ": " + e.getMessage(), e);
        }
    }
}
