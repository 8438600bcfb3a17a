package org.certtrack.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUrl;

/**
 * Compares the live schema of certtrack's three tables with what certtrack's migrations (at the latest
 * version) made, through {@code information_schema} and JDBC's {@link DatabaseMetaData}, the same on H2
 * and PostgreSQL: each column's type, length and nullability; each named primary key, CHECK and foreign
 * key constraint (and the foreign keys' delete rules); each named index and its columns; each trigger.
 * A missing or changed one is a difference; what another party adds (a column, an index, a constraint of
 * its own) is not. The CHECK expressions themselves are not compared: each database rewrites them into
 * its own canonical text.
 *
 * <p>Update {@link #expected} with every migration that changes one of these.
 */
public final class SchemaCheck {

    private static final List<String> TABLES = List.of("instructors", "engineers", "certificates");

    private SchemaCheck() {
    }

    /**
     * Checks the schema {@code dataSource} connects to.
     *
     * @throws CertTrackException naming each difference from what certtrack's migrations made
     */
    public static void verify(DataSource dataSource) {
        List<String> differences;
        try (Connection connection = dataSource.getConnection()) {
            differences = differences(connection);
        } catch (SQLException e) {
            throw new CertTrackException("Could not read certtrack's schema to check it: " + DatabaseUrl.mask(e.getMessage()), e);
        }
        if (!differences.isEmpty()) {
            throw new CertTrackException("certtrack's schema no longer matches what its migrations made ("
                    + differences.size() + " difference" + (differences.size() == 1 ? "" : "s")
                    + "); restore it, or migrate a fresh schema:\n  " + String.join("\n  ", differences));
        }
    }

    /** Each difference between the live schema and the expected one, in words; empty when they match. */
    static List<String> differences(Connection connection) throws SQLException {
        boolean h2 = "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        Expected expected = expected(h2);
        String schema = connection.getSchema();
        List<String> differences = new ArrayList<>();

        compare("column", " (renamed or dropped?)", expected.columns, columns(connection, schema), differences);
        compare("constraint", "", expected.constraints, constraints(connection, schema), differences);
        compare("index", "", expected.indexes, indexes(connection.getMetaData(), schema, h2), differences);

        Set<String> triggers = triggers(connection, schema);
        expected.triggers.forEach((name, table) -> {
            if (!triggers.contains(name + " on " + table)) {
                differences.add("trigger " + name + " on " + table + " is missing (it keeps version and updated_at"
                        + " right for every writer)");
            }
        });
        return differences;
    }

    /** Adds a difference for each expected {@code kind} that is missing from {@code actual} or defined otherwise. */
    private static void compare(String kind, String whenMissing, Map<String, String> expected, Map<String, String> actual,
                                List<String> differences) {
        expected.forEach((name, definition) -> {
            String found = actual.get(name);
            if (found == null) {
                differences.add(kind + " " + name + " is missing" + whenMissing + ", expected " + definition);
            } else if (!found.equals(definition)) {
                differences.add(kind + " " + name + " is " + found + ", expected " + definition);
            }
        });
    }

    private record Expected(Map<String, String> columns, Map<String, String> constraints,
                            Map<String, String> indexes, Map<String, String> triggers) {
    }

    /** What migrations V1 to V6 made. H2's text columns are twice as wide (V6: it counts UTF-16 units). */
    private static Expected expected(boolean h2) {
        int wide = h2 ? 2 : 1;
        Map<String, String> columns = new LinkedHashMap<>();
        column(columns, "instructors.id", "bigint", false);
        column(columns, "instructors.name", "character varying(" + 100 * wide + ")", false);
        column(columns, "instructors.created_at", "timestamp with time zone", false);
        column(columns, "instructors.updated_at", "timestamp with time zone", false);
        column(columns, "instructors.version", "bigint", false);
        column(columns, "engineers.id", "bigint", false);
        column(columns, "engineers.name", "character varying(" + 100 * wide + ")", false);
        column(columns, "engineers.specialty", "character varying(" + 50 * wide + ")", false);
        column(columns, "engineers.age", "integer", false);
        column(columns, "engineers.version", "bigint", false);
        column(columns, "certificates.id", "bigint", false);
        column(columns, "certificates.title", "character varying(" + 100 * wide + ")", false);
        column(columns, "certificates.expiration_year", "integer", false);
        column(columns, "certificates.engineer_id", "bigint", false);
        column(columns, "certificates.instructor_id", "bigint", true);
        column(columns, "certificates.version", "bigint", false);

        Map<String, String> constraints = new LinkedHashMap<>();
        constraints.put("pk_instructors", "a primary key on instructors");
        constraints.put("pk_engineers", "a primary key on engineers");
        constraints.put("pk_certificates", "a primary key on certificates");
        for (String check : List.of("instructors:ck_instructors_name_not_blank", "instructors:ck_instructors_name_length",
                "engineers:ck_engineers_name_not_blank", "engineers:ck_engineers_name_length",
                "engineers:ck_engineers_specialty_not_blank", "engineers:ck_engineers_specialty_length",
                "engineers:ck_engineers_age_plausible",
                "certificates:ck_certificates_title_not_blank", "certificates:ck_certificates_title_length",
                "certificates:ck_certificates_expiration_year_plausible")) {
            String[] parts = check.split(":");
            constraints.put(parts[1], "a check on " + parts[0]);
        }
        constraints.put("fk_certificates_engineer_id_engineers", "a foreign key on certificates, on delete cascade");
        constraints.put("fk_certificates_instructor_id_instructors", "a foreign key on certificates, on delete set null");

        Map<String, String> indexes = new LinkedHashMap<>();
        indexes.put("ix_certificates_engineer_id", "on certificates (engineer_id)");
        indexes.put("ix_certificates_instructor_id", "on certificates (instructor_id)");
        indexes.put("ix_certificates_expiration_year_id", "on certificates (expiration_year, id)");
        indexes.put("ix_engineers_specialty_name_id", "on engineers (specialty, name, id)");
        indexes.put("ix_instructors_name_id", "on instructors (name, id)");
        indexes.put("ix_engineers_name_id", "on engineers (name, id)");

        Map<String, String> triggers = new LinkedHashMap<>();
        triggers.put("tg_engineers_version", "engineers");
        triggers.put("tg_certificates_version", "certificates");
        triggers.put("tg_instructors_version", "instructors");
        if (!h2) {
            triggers.put("tg_instructors_timestamps", "instructors");   // H2's one trigger does both
        }
        return new Expected(columns, constraints, indexes, triggers);
    }

    private static void column(Map<String, String> columns, String name, String type, boolean nullable) {
        columns.put(name, type + (nullable ? " null" : " not null"));
    }

    private static Map<String, String> columns(Connection connection, String schema) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT table_name, column_name, data_type,"
                + " character_maximum_length, is_nullable FROM information_schema.columns WHERE table_schema = ?"
                + " AND LOWER(table_name) IN ('instructors', 'engineers', 'certificates')")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = lower(rows.getString(3));
                    long length = rows.getLong(4);
                    if (!rows.wasNull() && type.startsWith("character")) {
                        type += "(" + length + ")";
                    }
                    columns.put(lower(rows.getString(1)) + "." + lower(rows.getString(2)),
                            type + ("YES".equalsIgnoreCase(rows.getString(5)) ? " null" : " not null"));
                }
            }
        }
        return columns;
    }

    private static Map<String, String> constraints(Connection connection, String schema) throws SQLException {
        Map<String, String> constraints = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.table_name, c.constraint_name,"
                + " c.constraint_type, r.delete_rule FROM information_schema.table_constraints c"
                + " LEFT JOIN information_schema.referential_constraints r"
                + " ON r.constraint_schema = c.constraint_schema AND r.constraint_name = c.constraint_name"
                + " WHERE c.table_schema = ? AND LOWER(c.table_name) IN ('instructors', 'engineers', 'certificates')")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String table = lower(rows.getString(1));
                    String definition = switch (rows.getString(3).toUpperCase(Locale.ROOT)) {
                        case "PRIMARY KEY" -> "a primary key on " + table;
                        case "CHECK" -> "a check on " + table;
                        case "FOREIGN KEY" -> "a foreign key on " + table + ", on delete " + lower(rows.getString(4));
                        default -> lower(rows.getString(3)) + " on " + table;
                    };
                    constraints.put(lower(rows.getString(2)), definition);
                }
            }
        }
        return constraints;
    }

    private static Map<String, String> indexes(DatabaseMetaData metaData, String schema, boolean upperCase) throws SQLException {
        Map<String, Map<Integer, String>> columnsByIndex = new TreeMap<>();
        Map<String, String> tableOf = new TreeMap<>();
        for (String table : TABLES) {
            try (ResultSet rows = metaData.getIndexInfo(null, schema, upperCase ? table.toUpperCase(Locale.ROOT) : table, false, true)) {
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    String column = rows.getString("COLUMN_NAME");
                    if (index == null || column == null) {
                        continue;
                    }
                    columnsByIndex.computeIfAbsent(lower(index), name -> new TreeMap<>())
                            .put(rows.getInt("ORDINAL_POSITION"), lower(column));
                    tableOf.put(lower(index), table);
                }
            }
        }
        Map<String, String> indexes = new TreeMap<>();
        columnsByIndex.forEach((index, columns) -> indexes.put(index,
                "on " + tableOf.get(index) + " (" + String.join(", ", columns.values()) + ")"));
        return indexes;
    }

    private static Set<String> triggers(Connection connection, String schema) throws SQLException {
        Set<String> triggers = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT trigger_name, event_object_table"
                + " FROM information_schema.triggers WHERE trigger_schema = ?")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    triggers.add(lower(rows.getString(1)) + " on " + lower(rows.getString(2)));
                }
            }
        }
        return triggers;
    }

    private static String lower(String identifier) {
        return identifier == null ? null : identifier.toLowerCase(Locale.ROOT);
    }
}
