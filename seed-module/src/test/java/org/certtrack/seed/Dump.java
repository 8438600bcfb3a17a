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

    // The same rows with each table's ids (and the foreign keys to it) counted from 1.
    private static final Map<String, String> RELATIVE_QUERIES = new LinkedHashMap<>();

    static {
        String instructor = "(SELECT MIN(id) - 1 FROM instructors)";
        String engineer = "(SELECT MIN(id) - 1 FROM engineers)";
        RELATIVE_QUERIES.put("instructors", "SELECT id - " + instructor + ", name FROM instructors ORDER BY id");
        RELATIVE_QUERIES.put("engineers", "SELECT id - " + engineer + ", name, specialty, age FROM engineers ORDER BY id");
        RELATIVE_QUERIES.put("certificates", "SELECT id - (SELECT MIN(id) - 1 FROM certificates), title, expiration_year, "
                + "engineer_id - " + engineer + ", instructor_id - " + instructor + " FROM certificates ORDER BY id");
    }

    private Dump() {
    }

    static String of(DataSource dataSource) {
        return dump(dataSource, QUERIES);
    }

    /**
     * The dump with each table's ids counted from its smallest, and foreign keys likewise: the same for two
     * seedings with one seed, wherever the sequences stood.
     */
    static String relative(DataSource dataSource) {
        return dump(dataSource, RELATIVE_QUERIES);
    }

    private static String dump(DataSource dataSource, Map<String, String> queries) {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : queries.entrySet()) {
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

    /** The smallest id in a table. */
    static long minId(DataSource dataSource, String table) {
        return single(dataSource, "SELECT MIN(id) FROM " + table);
    }

    /** The largest id in a table. */
    static long maxId(DataSource dataSource, String table) {
        return single(dataSource, "SELECT MAX(id) FROM " + table);
    }

    private static long single(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + ": " + e.getMessage(), e);
        }
    }
}
