package org.certtrack.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.certtrack.CertTrackException;
import org.certtrack.DatabaseUrl;

/**
 * Compares the live schema of certtrack's three tables (by their exact names: another application's
 * {@code "Engineers"} is not certtrack's) with what certtrack's migrations (at the latest version) made,
 * through {@code pg_catalog} on PostgreSQL (which shows a role that may only read the whole definition),
 * H2's {@code INFORMATION_SCHEMA} and JDBC's {@link DatabaseMetaData}: each column's type, length and
 * nullability, and the {@code id} and {@code version} defaults; each named primary key, CHECK and foreign
 * key constraint (the foreign keys' referenced table, delete rule, and on PostgreSQL whether they were
 * validated); each named index, its columns, whether it is unique and whether it is partial (and on
 * PostgreSQL whether it is valid: a failed {@code CREATE INDEX CONCURRENTLY} leaves an invalid one behind);
 * each sequence's increment; each trigger and what it calls: on PostgreSQL whether it is enabled, the
 * function it executes and that function's body ({@link #FUNCTION_DIGESTS}), on H2 its Java class.
 * A missing or changed one is a difference; what another party adds (a column, an index, a constraint of
 * its own) is not. The CHECK expressions themselves are not compared: each database rewrites them into
 * its own canonical text.
 *
 * <p>Update {@link #expected} with every migration that changes one of these.
 */
public final class SchemaCheck {

    private static final List<String> TABLES = List.of("instructors", "engineers", "certificates");
    // The exact table names, as each database stores them: another application's "Engineers" is not certtrack's.
    private static final String TABLE_NAMES_PG = "('instructors', 'engineers', 'certificates')";
    private static final String TABLE_NAMES_H2 = "('INSTRUCTORS', 'ENGINEERS', 'CERTIFICATES')";
    private static final long ID_BLOCK = 50;

    /**
     * The SHA-256 digest of each PL/pgSQL trigger function's body ({@code pg_proc.prosrc}) as the latest
     * migration that creates it leaves it, {@linkplain #digest normalized}: a function replaced by another
     * body (with {@code CREATE OR REPLACE FUNCTION}) keeps its name and its triggers, and only this tells.
     * A test compares them with the scripts, so a migration that changes a body must change its digest here.
     */
    static final Map<String, String> FUNCTION_DIGESTS = Map.of(
            "certtrack_advance_version", "266084051c5007e8276b9ebe397168d4639431009709edbc958256f5ab6aa051",
            "certtrack_instructor_timestamps", "329db08c225e3a34bca118492e1600aec2651ea211d2cfd0fa0cdc9e21b61e04");

    /** The class H2 runs for each of certtrack's triggers; files made before 0.2.0 name the older one. */
    private static final List<String> H2_TRIGGER_CLASSES = List.of("org.certtrack.spi.H2RowRules",
            "org.certtrack.internal.H2RowRules");

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
            if (connection.getSchema() == null) {
                // PostgreSQL's current_schema() is null when no schema of the search_path exists: comparing would
                // report every column missing. An unquoted mixed-case name in currentSchema is the usual cause.
                String searchPath;
                try (PreparedStatement show = connection.prepareStatement("SELECT current_setting('search_path')");
                     ResultSet rows = show.executeQuery()) {
                    searchPath = rows.next() ? rows.getString(1) : "?";
                }
                throw new CertTrackException("certtrack's schema does not exist: no schema of the connection's search_path ("
                        + searchPath + ") exists. Check currentSchema in the URL: PostgreSQL matches a schema name"
                        + " exactly as written there (Probe2-Upper_x is not probe2-upper_x); create it or name an existing one");
            }
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

        Map<String, String> defaults = new TreeMap<>();
        compare("column", " (renamed or dropped?)", expected.columns, columns(connection, schema, h2, defaults), differences);
        compare("constraint", "", expected.constraints, constraints(connection, schema, h2), differences);
        compare("index", "", expected.indexes,
                h2 ? indexes(connection.getMetaData(), schema) : indexes(connection, schema), differences);

        // Other writers insert without an id or a version: the columns' defaults must stay.
        for (String table : TABLES) {
            String id = defaults.get(table + ".id");
            if (id == null || !id.toLowerCase(Locale.ROOT).contains(table + "_id_seq")) {
                differences.add("column " + table + ".id has " + (id == null ? "no default" : "the default " + id)
                        + ", expected the next value of " + table + "_id_seq (other writers insert without an id)");
            }
            String version = defaults.get(table + ".version");
            if (version == null || !version.strip().equals("0")) {
                differences.add("column " + table + ".version has " + (version == null ? "no default" : "the default " + version)
                        + ", expected 0 (other writers insert without a version)");
            }
        }
        Map<String, Long> increments = sequenceIncrements(connection, schema, h2);
        for (String table : TABLES) {
            Long increment = increments.get(table + "_id_seq");
            if (increment == null) {
                differences.add("sequence " + table + "_id_seq is missing");
            } else if (increment != ID_BLOCK) {
                differences.add("sequence " + table + "_id_seq increments by " + increment + ", expected " + ID_BLOCK
                        + " (Hibernate takes blocks of " + ID_BLOCK + " ids from it)");
            }
        }

        Map<String, Trigger> triggers = triggers(connection, schema, h2);
        expected.triggers.forEach((name, table) -> {
            Trigger trigger = triggers.get(name + " on " + table);
            String expectedCall = h2 ? String.join(" or ", H2_TRIGGER_CLASSES) : expected.functions.get(name);
            if (trigger == null) {
                differences.add("trigger " + name + " on " + table + " is missing (it keeps version and updated_at"
                        + " right for every writer)");
            } else if (!trigger.enabled) {
                differences.add("trigger " + name + " on " + table + " is disabled (ALTER TABLE " + table + " ENABLE TRIGGER "
                        + name + "; it keeps version and updated_at right for every writer)");
            }
            if (trigger != null && !(h2 ? H2_TRIGGER_CLASSES.contains(trigger.calls) : expectedCall.equals(trigger.calls))) {
                differences.add("trigger " + name + " on " + table + " calls " + trigger.calls + ", expected " + expectedCall);
            }
        });
        if (!h2) {
            Map<String, String> bodies = functionBodies(connection, schema);
            FUNCTION_DIGESTS.forEach((function, digest) -> {
                String body = bodies.get(function);
                if (body == null) {
                    differences.add("function " + function + " is missing (certtrack's triggers execute it)");
                } else if (!digest(body).equals(digest)) {
                    differences.add("function " + function + " was replaced: its body is not the one certtrack's"
                            + " migrations created (certtrack's triggers execute it; migrate a fresh schema to see the original)");
                }
            });
        }
        return differences;
    }

    /**
     * The SHA-256 digest, in hex, of a function body with line endings made {@code \n}, every run of
     * whitespace made one space, and the ends stripped: re-indenting a body is not replacing it.
     */
    static String digest(String body) {
        String normalized = body.replace("\r\n", "\n").strip().replaceAll("\\s+", " ");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
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

    /**
     * @param triggers  each trigger's name to its table
     * @param functions on PostgreSQL, each trigger's name to the function it executes
     */
    private record Expected(Map<String, String> columns, Map<String, String> constraints,
                            Map<String, String> indexes, Map<String, String> triggers, Map<String, String> functions) {
    }

    /** A trigger as the database has it: whether it fires, and the function (PostgreSQL) or class (H2) it calls. */
    private record Trigger(boolean enabled, String calls) {
    }

    /** What migrations V1 to V8 made. H2's text columns are twice as wide (V6: it counts UTF-16 units). */
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
        constraints.put("fk_certificates_engineer_id_engineers", "a foreign key on certificates to engineers, on delete cascade");
        constraints.put("fk_certificates_instructor_id_instructors", "a foreign key on certificates to instructors, on delete set null");

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
        Map<String, String> functions = new LinkedHashMap<>();
        if (!h2) {
            // H2's one trigger per table does all, on insert and update. PostgreSQL's V8 split each of V4's
            // triggers in two, as an insert trigger's WHEN condition may not read the old row.
            triggers.put("tg_instructors_timestamps", "instructors");
            triggers.put("tg_engineers_version_on_insert", "engineers");
            triggers.put("tg_certificates_version_on_insert", "certificates");
            triggers.put("tg_instructors_version_on_insert", "instructors");
            triggers.put("tg_instructors_timestamps_on_insert", "instructors");
            triggers.keySet().forEach(trigger -> functions.put(trigger, trigger.contains("_version")
                    ? "certtrack_advance_version" : "certtrack_instructor_timestamps"));
        }
        return new Expected(columns, constraints, indexes, triggers, functions);
    }

    private static void column(Map<String, String> columns, String name, String type, boolean nullable) {
        columns.put(name, type + (nullable ? " null" : " not null"));
    }

    /**
     * Each column of certtrack's tables, {@code table.column} to its type and nullability, and into
     * {@code defaults} its default expression. PostgreSQL is read from {@code pg_catalog}, which shows every
     * role the whole definition ({@code information_schema} hides constraints and triggers from a role that
     * may only read); H2's {@code INFORMATION_SCHEMA} shows everything to everyone.
     */
    private static Map<String, String> columns(Connection connection, String schema, boolean h2, Map<String, String> defaults)
            throws SQLException {
        String sql = h2
                ? "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default"
                        + " FROM information_schema.columns WHERE table_schema = ? AND table_name IN " + TABLE_NAMES_H2
                : "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NULL,"
                        + " CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END, pg_get_expr(d.adbin, d.adrelid)"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " WHERE n.nspname = ? AND c.relname IN " + TABLE_NAMES_PG
                        + " AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped";
        Map<String, String> columns = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = lower(rows.getString(3));
                    long length = rows.getLong(4);
                    if (!rows.wasNull() && type.startsWith("character")) {
                        type += "(" + length + ")";
                    }
                    String column = lower(rows.getString(1)) + "." + lower(rows.getString(2));
                    columns.put(column, type + ("YES".equalsIgnoreCase(rows.getString(5)) ? " null" : " not null"));
                    if (rows.getString(6) != null) {
                        defaults.put(column, rows.getString(6));
                    }
                }
            }
        }
        return columns;
    }

    private static Map<String, String> constraints(Connection connection, String schema, boolean h2) throws SQLException {
        String sql = h2
                ? "SELECT c.table_name, c.constraint_name, c.constraint_type, r.delete_rule, u.table_name, TRUE"
                        + " FROM information_schema.table_constraints c"
                        + " LEFT JOIN information_schema.referential_constraints r"
                        + " ON r.constraint_schema = c.constraint_schema AND r.constraint_name = c.constraint_name"
                        + " LEFT JOIN information_schema.table_constraints u"
                        + " ON u.constraint_schema = r.unique_constraint_schema AND u.constraint_name = r.unique_constraint_name"
                        + " WHERE c.table_schema = ? AND c.table_name IN " + TABLE_NAMES_H2
                : "SELECT c.relname, con.conname,"
                        + " CASE con.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'c' THEN 'CHECK' WHEN 'f' THEN 'FOREIGN KEY'"
                        + " WHEN 'u' THEN 'UNIQUE' ELSE 'OTHER' END,"
                        + " CASE con.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'"
                        + " WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION' END, r.relname, con.convalidated"
                        + " FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_catalog.pg_class r ON r.oid = con.confrelid"
                        + " WHERE n.nspname = ? AND c.relname IN " + TABLE_NAMES_PG;
        Map<String, String> constraints = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String table = lower(rows.getString(1));
                    String definition = switch (rows.getString(3).toUpperCase(Locale.ROOT)) {
                        case "PRIMARY KEY" -> "a primary key on " + table;
                        case "CHECK" -> "a check on " + table;
                        case "FOREIGN KEY" -> "a foreign key on " + table + " to " + lower(rows.getString(5))
                                + ", on delete " + lower(rows.getString(4));
                        default -> lower(rows.getString(3)) + " on " + table;
                    };
                    if (!rows.getBoolean(6)) {
                        definition += " (not valid: rows written before it are not checked)";
                    }
                    constraints.put(lower(rows.getString(2)), definition);
                }
            }
        }
        return constraints;
    }

    /** Each sequence of the schema, by lower-case name, to its increment. */
    private static Map<String, Long> sequenceIncrements(Connection connection, String schema, boolean h2) throws SQLException {
        String sql = h2
                ? "SELECT sequence_name, increment FROM information_schema.sequences WHERE sequence_schema = ?"
                : "SELECT c.relname, s.seqincrement FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?";
        Map<String, Long> increments = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    increments.put(lower(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return increments;
    }

    /** Each index of certtrack's tables on H2 (which has no partial indexes), by name, to its definition. */
    private static Map<String, String> indexes(DatabaseMetaData metaData, String schema) throws SQLException {
        Map<String, Map<Integer, String>> columnsByIndex = new TreeMap<>();
        Map<String, String> tableOf = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        for (String table : TABLES) {
            try (ResultSet rows = metaData.getIndexInfo(null, schema, table.toUpperCase(Locale.ROOT), false, true)) {
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    String column = rows.getString("COLUMN_NAME");
                    if (index == null || column == null) {
                        continue;
                    }
                    columnsByIndex.computeIfAbsent(lower(index), name -> new TreeMap<>())
                            .put(rows.getInt("ORDINAL_POSITION"), lower(column));
                    tableOf.put(lower(index), table);
                    unique.put(lower(index), !rows.getBoolean("NON_UNIQUE"));
                }
            }
        }
        Map<String, String> indexes = new TreeMap<>();
        columnsByIndex.forEach((index, columns) -> indexes.put(index, (unique.get(index) ? "unique " : "")
                + "on " + tableOf.get(index) + " (" + String.join(", ", columns.values()) + ")"));
        return indexes;
    }

    /**
     * Each index of certtrack's tables on PostgreSQL, by name, to its definition: whether it is unique, its
     * table and key columns, its {@code WHERE} clause if it is partial, and whether it is invalid (a
     * {@code CREATE INDEX CONCURRENTLY} that failed leaves the index behind, unused by queries, yet still
     * maintained on every write).
     */
    private static Map<String, String> indexes(Connection connection, String schema) throws SQLException {
        String sql = "SELECT i.relname, c.relname, x.indisunique, x.indisvalid, pg_get_expr(x.indpred, x.indrelid),"
                + " (SELECT string_agg(pg_get_indexdef(x.indexrelid, k, true), ', ' ORDER BY k)"
                + " FROM generate_series(1, x.indnkeyatts) k)"
                + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
                + " JOIN pg_catalog.pg_class c ON c.oid = x.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname IN " + TABLE_NAMES_PG;
        Map<String, String> indexes = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String predicate = rows.getString(5);
                    indexes.put(lower(rows.getString(1)), (rows.getBoolean(3) ? "unique " : "") + "on "
                            + lower(rows.getString(2)) + " (" + lower(rows.getString(6)) + ")"
                            + (predicate == null ? "" : " where " + predicate)
                            + (rows.getBoolean(4) ? "" : " (invalid: a CREATE INDEX CONCURRENTLY failed; drop it and"
                                    + " create it again)"));
                }
            }
        }
        return indexes;
    }

    /** Each trigger of the schema, as {@code name on table}. */
    private static Map<String, Trigger> triggers(Connection connection, String schema, boolean h2) throws SQLException {
        String sql = h2
                ? "SELECT trigger_name, event_object_table, TRUE, java_class FROM information_schema.triggers"
                        + " WHERE trigger_schema = ?"
                : "SELECT t.tgname, c.relname, t.tgenabled <> 'D', p.proname FROM pg_catalog.pg_trigger t"
                        + " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid"
                        + " WHERE n.nspname = ? AND NOT t.tgisinternal";
        Map<String, Trigger> triggers = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    triggers.put(lower(rows.getString(1)) + " on " + lower(rows.getString(2)),
                            new Trigger(rows.getBoolean(3), h2 ? rows.getString(4) : lower(rows.getString(4))));
                }
            }
        }
        return triggers;
    }

    /**
     * The body of each of certtrack's trigger functions in the schema, by name. Only PostgreSQL has them;
     * a function of the same name in another schema is not certtrack's.
     */
    private static Map<String, String> functionBodies(Connection connection, String schema) throws SQLException {
        String sql = "SELECT p.proname, p.prosrc FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname = ? AND p.proname IN ('certtrack_advance_version', 'certtrack_instructor_timestamps')";
        Map<String, String> bodies = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    bodies.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return bodies;
    }

    private static String lower(String identifier) {
        return identifier == null ? null : identifier.toLowerCase(Locale.ROOT);
    }
}
