package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rule for new migrations (README, "Contributing: migrations"): a script that PostgreSQL runs after
 * version {@value #LAST_RELEASED_BEFORE_THE_RULE} takes no lock that stops other applications' reads and
 * writes for longer than a moment. An index is built {@code CONCURRENTLY}, in a script Flyway runs outside a
 * transaction ({@code V<n>__x.sql.conf} with {@code executeInTransaction=false}), after a
 * {@code DROP INDEX CONCURRENTLY IF EXISTS} of the same name that clears what a failed attempt left; a CHECK
 * or foreign key is added {@code NOT VALID} and validated in a later script (or in the same one outside a
 * transaction); a unique or primary key constraint is added {@code USING INDEX} of an index built
 * concurrently before. Versions 1 to {@value #LAST_RELEASED_BEFORE_THE_RULE} were released before the rule
 * and never change.
 */
class MigrationRulesTest {

    static final int LAST_RELEASED_BEFORE_THE_RULE = 7;

    /** The scripts in the source tree: the shared local repository may hold another build's migrations jar. */
    private static final Path SCRIPTS = Path.of("..", "migrations-module", "src", "main", "resources", "org", "certtrack", "db");

    private static final Pattern CREATE_INDEX = Pattern.compile(
            "CREATE (?:UNIQUE )?INDEX (CONCURRENTLY )?(?:IF NOT EXISTS )?(\\w+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_INDEX_FIRST = Pattern.compile("DROP INDEX CONCURRENTLY IF EXISTS (\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_CHECK_OR_FOREIGN_KEY = Pattern.compile(
            "ADD (?:CONSTRAINT (\\w+) )?(?:CHECK|FOREIGN KEY)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_UNIQUE_OR_PRIMARY_KEY = Pattern.compile(
            "ADD (?:CONSTRAINT \\w+ )?(?:UNIQUE|PRIMARY KEY)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALIDATE = Pattern.compile("VALIDATE CONSTRAINT (\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_VALID = Pattern.compile("\\bNOT VALID\\b", Pattern.CASE_INSENSITIVE);
    /** What a script outside a transaction may do: what can be done again after a failed attempt. */
    private static final Pattern REPEATABLE = Pattern.compile("DROP INDEX CONCURRENTLY IF EXISTS \\w+"
            + "|CREATE (?:UNIQUE )?INDEX CONCURRENTLY \\w+ ON .*|ALTER TABLE (?:ONLY )?\\w+ VALIDATE CONSTRAINT \\w+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern USING_INDEX = Pattern.compile("\\bUSING INDEX\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void everyScriptPostgresqlRunsAfterTheReleasedOnesTakesNoBlockingLock() throws IOException {
        List<Script> scripts = postgresScripts();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            if (scripts.get(i).version > LAST_RELEASED_BEFORE_THE_RULE) {
                violations.addAll(violations(scripts.get(i), scripts.subList(i + 1, scripts.size())));
            }
        }
        assertThat(violations).as("migrations that would make other applications' queries queue behind them"
                + " (README, \"Contributing: migrations\")").isEmpty();
    }

    @Test
    void theRulesFindEveryBlockingStatement() {
        Script blocking = new Script(8, "V8__blocking.sql", false, """
                -- comments and function bodies are not statements: CREATE INDEX in here is not one
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE INDEX ix_engineers_age ON engineers (age);
                ALTER TABLE engineers ADD CONSTRAINT ck_engineers_age_even CHECK (age % 2 = 0);
                ALTER TABLE certificates ADD CONSTRAINT fk_x FOREIGN KEY (engineer_id) REFERENCES engineers (id) NOT VALID;
                ALTER TABLE engineers ADD CONSTRAINT uq_engineers_name UNIQUE (name);
                """);
        assertThat(violations(blocking, List.of())).containsExactly(
                "V8__blocking.sql: CREATE INDEX ix_engineers_age without CONCURRENTLY blocks every write to the table while it builds",
                "V8__blocking.sql: ck_engineers_age_even is added without NOT VALID: checking every row blocks the table",
                "V8__blocking.sql: fk_x is added NOT VALID but never validated (VALIDATE CONSTRAINT fk_x in a later script)",
                "V8__blocking.sql: a UNIQUE or PRIMARY KEY constraint is added without USING INDEX: building its index blocks every write");

        Script concurrentInATransaction = new Script(9, "V9__index.sql", false,
                "CREATE INDEX CONCURRENTLY ix_engineers_age ON engineers (age);");
        assertThat(violations(concurrentInATransaction, List.of())).containsExactly(
                "V9__index.sql: CREATE INDEX CONCURRENTLY cannot run in a transaction: add V9__index.sql.conf with executeInTransaction=false",
                "V9__index.sql: CREATE INDEX CONCURRENTLY ix_engineers_age must follow DROP INDEX CONCURRENTLY IF EXISTS ix_engineers_age,"
                        + " which clears the invalid index a failed attempt leaves");

        Script notRepeatable = new Script(10, "V10__both.sql", true, """
                DROP INDEX CONCURRENTLY IF EXISTS ix_engineers_age;
                CREATE INDEX CONCURRENTLY ix_engineers_age ON engineers (age);
                ALTER TABLE engineers ADD CONSTRAINT ck_engineers_age_even CHECK (age % 2 = 0) NOT VALID;
                ALTER TABLE engineers VALIDATE CONSTRAINT ck_engineers_age_even;
                """);
        assertThat(violations(notRepeatable, List.of())).containsExactly(
                "V10__both.sql: runs outside a transaction, where a failed attempt runs again, so it may only DROP INDEX"
                        + " CONCURRENTLY IF EXISTS, CREATE INDEX CONCURRENTLY and VALIDATE CONSTRAINT: ALTER TABLE engineers"
                        + " ADD CONSTRAINT ck_engineers_age_even CHECK (age % 2 = 0) NOT VALID",
                "V10__both.sql: ck_engineers_age_even is added NOT VALID but never validated (VALIDATE CONSTRAINT"
                        + " ck_engineers_age_even in a later script)");
    }

    @Test
    void theRulesAcceptNonBlockingScriptsAndReCreatedTriggers() {
        Script index = new Script(8, "V8__index.sql", true, """
                DROP INDEX CONCURRENTLY IF EXISTS ix_engineers_age;
                CREATE INDEX CONCURRENTLY ix_engineers_age ON engineers (age);
                DROP INDEX CONCURRENTLY IF EXISTS uq_engineers_name;
                CREATE UNIQUE INDEX CONCURRENTLY uq_engineers_name ON engineers (name);
                """);
        Script check = new Script(9, "V9__check.sql", false, """
                ALTER TABLE engineers ADD CONSTRAINT uq_engineers_name UNIQUE USING INDEX uq_engineers_name;
                ALTER TABLE engineers ADD CONSTRAINT ck_engineers_age_even CHECK (age % 2 = 0) NOT VALID;
                """);
        Script validate = new Script(10, "V10__validate.sql", true,
                "ALTER TABLE engineers VALIDATE CONSTRAINT ck_engineers_age_even;");
        Script triggers = new Script(11, "V11__triggers.sql", false, """
                DROP TRIGGER tg_engineers_version ON engineers;
                CREATE TRIGGER tg_engineers_version BEFORE INSERT OR UPDATE ON engineers
                    FOR EACH ROW EXECUTE FUNCTION certtrack_advance_version();
                """);
        assertThat(violations(index, List.of(check, validate, triggers))).isEmpty();
        assertThat(violations(check, List.of(validate, triggers))).isEmpty();
        assertThat(violations(triggers, List.of())).isEmpty();
    }

    @Test
    void theReleasedIndexScriptsWouldBreakTheRule() throws IOException {
        assertThat(postgresScripts()).filteredOn(script -> script.version == 3 || script.version == 7)
                .allSatisfy(script -> assertThat(violations(script, List.of()))
                        .as(script.name + ", released before the rule").isNotEmpty());
    }

    /** What {@code script} does that blocks other sessions, given the scripts that run after it. */
    static List<String> violations(Script script, List<Script> later) {
        List<String> violations = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String statement : script.statements()) {
            if (script.outsideTransaction && !REPEATABLE.matcher(statement).matches()) {
                violations.add(script.name + ": runs outside a transaction, where a failed attempt runs again, so it may only"
                        + " DROP INDEX CONCURRENTLY IF EXISTS, CREATE INDEX CONCURRENTLY and VALIDATE CONSTRAINT: " + statement);
            }
            Matcher drop = DROP_INDEX_FIRST.matcher(statement);
            if (drop.find()) {
                dropped.add(drop.group(1).toLowerCase(Locale.ROOT));
            }
            Matcher index = CREATE_INDEX.matcher(statement);
            if (index.find()) {
                String name = index.group(2) == null ? null : index.group(2).toLowerCase(Locale.ROOT);
                if (index.group(1) == null) {
                    violations.add(script.name + ": CREATE INDEX " + name
                            + " without CONCURRENTLY blocks every write to the table while it builds");
                } else {
                    if (!script.outsideTransaction) {
                        violations.add(script.name + ": CREATE INDEX CONCURRENTLY cannot run in a transaction: add "
                                + script.name + ".conf with executeInTransaction=false");
                    }
                    if (!dropped.contains(name)) {
                        violations.add(script.name + ": CREATE INDEX CONCURRENTLY " + name + " must follow DROP INDEX"
                                + " CONCURRENTLY IF EXISTS " + name + ", which clears the invalid index a failed attempt leaves");
                    }
                }
            }
            Matcher constraint = ADD_CHECK_OR_FOREIGN_KEY.matcher(statement);
            if (constraint.find()) {
                String name = constraint.group(1) == null ? "a constraint" : constraint.group(1).toLowerCase(Locale.ROOT);
                if (!NOT_VALID.matcher(statement).find()) {
                    violations.add(script.name + ": " + name + " is added without NOT VALID: checking every row blocks the table");
                } else if (!validatedLater(name, later)) {
                    violations.add(script.name + ": " + name + " is added NOT VALID but never validated (VALIDATE CONSTRAINT "
                            + name + " in a later script)");
                }
            }
            if (ADD_UNIQUE_OR_PRIMARY_KEY.matcher(statement).find() && !USING_INDEX.matcher(statement).find()) {
                violations.add(script.name + ": a UNIQUE or PRIMARY KEY constraint is added without USING INDEX:"
                        + " building its index blocks every write");
            }
        }
        return violations;
    }

    /**
     * Whether constraint {@code name} is validated in a later script (in the same one, the ADD's lock would be
     * held through the validation).
     */
    private static boolean validatedLater(String name, List<Script> later) {
        return later.stream().flatMap(each -> each.statements().stream())
                .map(VALIDATE::matcher)
                .anyMatch(validate -> validate.find() && validate.group(1).equalsIgnoreCase(name));
    }

    /** The scripts PostgreSQL runs (the shared ones and its own), in version order. */
    private static List<Script> postgresScripts() throws IOException {
        List<Script> scripts = new ArrayList<>();
        for (Path folder : List.of(SCRIPTS.resolve("migration"), SCRIPTS.resolve("vendor").resolve("postgresql"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(each -> each.getFileName().toString().matches("V\\d+__.*\\.sql")).toList()) {
                    String name = file.getFileName().toString();
                    Path conf = file.resolveSibling(name + ".conf");
                    boolean outsideTransaction = Files.exists(conf) && Files.readString(conf, StandardCharsets.UTF_8)
                            .lines().map(line -> line.replace(" ", "")).anyMatch("executeInTransaction=false"::equals);
                    scripts.add(new Script(Integer.parseInt(name.substring(1, name.indexOf("__"))), name, outsideTransaction,
                            Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        scripts.sort(Comparator.comparingInt(Script::version));
        return scripts;
    }

    /**
     * A migration script.
     *
     * @param outsideTransaction whether Flyway runs it outside a transaction ({@code executeInTransaction=false})
     */
    record Script(int version, String name, boolean outsideTransaction, String sql) {

        /** Its statements, each on one line, without comments and dollar-quoted bodies. */
        List<String> statements() {
            String code = sql.replaceAll("(?s)\\$(\\w*)\\$.*?\\$\\1\\$", "''").replaceAll("--[^\\n]*", " ");
            return Stream.of(code.split(";"))
                    .map(statement -> statement.replaceAll("\\s+", " ").strip())
                    .filter(statement -> !statement.isEmpty())
                    .toList();
        }
    }
}
