package org.certtrack.seed.junit;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackBuilder;
import org.certtrack.CertificateRepository;
import org.certtrack.EngineerRepository;
import org.certtrack.InstructorRepository;
import org.certtrack.UnitOfWork;
import org.certtrack.seed.DataSet;
import org.certtrack.seed.SeedResult;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a test class a private, migrated certtrack database, and its test methods what they need from it.
 *
 * <pre>{@code
 * class EngineerSearchTest {
 *
 *     @RegisterExtension
 *     static CertTrackExtension db = CertTrackExtension.embedded().withStandardData(42);
 *
 *     @Test
 *     void findsBackendEngineers(EngineerRepository engineers) {
 *         engineers.add(anEngineer().named("Ada").withSpecialty("backend").build());
 *         assertThat(engineers.findBySpecialty("backend", PageRequest.first())).extracting(Engineer::getName).contains("Ada");
 *     }
 * }
 * }</pre>
 *
 * <p><b>Which database.</b> {@link #embedded()}: an in-memory H2 database. {@link #postgres()}: a schema
 * of its own in PostgreSQL, found through the {@value #JDBC_URL_VARIABLE} environment variable or the
 * {@value #JDBC_URL_PROPERTY} system property (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), else in a Testcontainers PostgreSQL
 * (started once per JVM, shared, needing {@code testcontainers-postgresql} on the test classpath) where
 * Docker runs, else the class is skipped before any of its lifecycle methods run (counted as skipped, and
 * summed up with the reason in one line at the end of the test run), or fails when {@code CI=true}.
 * {@link #create()}: PostgreSQL when one is configured, else embedded H2. Each test class gets its own
 * database (H2) or schema (PostgreSQL), dropped after the class.
 *
 * <p><b>What it injects</b> into test methods (and lifecycle methods where noted): {@link CertTrack} (also
 * in {@code @BeforeAll}), {@link TestDatabase} (also in {@code @BeforeAll}), the {@link SeedResult} of the
 * preloaded data set, and, per test, an {@link EntityManager} and the {@link EngineerRepository},
 * {@link CertificateRepository} and {@link InstructorRepository} over it.
 *
 * <p><b>Transactions and isolation.</b> The injected {@code EntityManager} (and the repositories over it)
 * runs one transaction that begins before the test and is <em>rolled back</em> after it: call
 * {@code flush()} and {@code clear()} to read back in a fresh persistence context. Work through the
 * injected {@code CertTrack} ({@code inTransaction}, {@code useTransaction}) commits as in production.
 * Either way no test sees another's data: before each test the extension empties the tables and reloads
 * the class's data ({@link #withStandardData}, {@link #withDataSet}, {@link #withFixture}). The seed of a
 * preloaded data set is logged, and printed again when a test fails, so the data can be replayed.
 *
 * <p>Register it on a {@code static} field, so the database lives as long as the class (a {@code @Nested}
 * class shares it), or annotate the class with {@link CertTrackTest}.
 */
public abstract class CertTrackExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        AfterEachCallback, AfterAllCallback, TestWatcher, ParameterResolver {

    /** The environment variable that points {@link #postgres()} and {@link #create()} at a PostgreSQL. */
    public static final String JDBC_URL_VARIABLE = "CERTTRACK_TEST_JDBC_URL";
    /** The system property that does the same, and wins over the environment variable. */
    public static final String JDBC_URL_PROPERTY = "certtrack.test.jdbc-url";

    private static final Logger log = LoggerFactory.getLogger(CertTrackExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CertTrackExtension.class);

    private DataSet dataSet;
    private Long seed;
    private final List<Consumer<UnitOfWork>> fixtures = new ArrayList<>();
    private final List<Consumer<CertTrackBuilder>> customizers = new ArrayList<>();

    /** Subclassed in this package only: one subclass per database. */
    CertTrackExtension() {
    }

    /** An in-memory H2 database per test class. */
    public static CertTrackExtension embedded() {
        return new EmbeddedExtension();
    }

    /**
     * A PostgreSQL schema per test class: in the configured PostgreSQL, else a Testcontainers one; when there
     * is none the class is skipped (fails with {@code CI=true}).
     */
    public static CertTrackExtension postgres() {
        return new PostgresExtension();
    }

    /** A schema in the configured PostgreSQL when there is one, else an in-memory H2 database. */
    public static CertTrackExtension create() {
        return TestDatabase.postgresConfigured() ? postgres() : embedded();
    }

    /** Opens a new private database for a test class: the one thing in which the databases differ. */
    abstract TestDatabase openDatabase();

    // ---- Options ----

    /** Before each test, load the standard data set with a random seed drawn once for the class. */
    public CertTrackExtension withStandardData() {
        return withDataSet(DataSet.standard());
    }

    /** Before each test, load the standard data set generated from {@code seed}. */
    public CertTrackExtension withStandardData(long seed) {
        return withDataSet(DataSet.standard()).withSeed(seed);
    }

    /** Before each test, load {@code dataSet} (with the {@link #withSeed seed}, else one drawn for the class). */
    public CertTrackExtension withDataSet(DataSet dataSet) {
        this.dataSet = requireNonNull(dataSet, "dataSet");
        return this;
    }

    /** The random seed for the data set. */
    public CertTrackExtension withSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Before each test (after any data set), run {@code fixture} in a committed unit of work, for example
     * {@code work -> work.engineers().add(Fixtures.engineerWithCertificatesFromTwoInstructors().build())}.
     */
    public CertTrackExtension withFixture(Consumer<UnitOfWork> fixture) {
        fixtures.add(requireNonNull(fixture, "fixture"));
        return this;
    }

    /** Adjusts the {@link CertTrackBuilder} before the class's {@link CertTrack} is built (Hibernate settings, pool). */
    public CertTrackExtension withCertTrack(Consumer<CertTrackBuilder> customizer) {
        customizers.add(requireNonNull(customizer, "customizer"));
        return this;
    }

    // ---- The class's database: opened before all its tests, reloaded before each, dropped after all ----

    /** Runs the class: only {@link #postgres()} may skip it (or fail it when {@code CI=true}). */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return ConditionEvaluationResult.enabled("certtrack needs no PostgreSQL here");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getStore(NAMESPACE).get(ClassState.class, ClassState.class) != null) {
            return; // a @Nested class: it shares its enclosing class's database
        }
        TestDatabase database = openDatabase();
        CertTrack certTrack;
        try {
            CertTrackBuilder builder = database.certTrack();
            customizers.forEach(customizer -> customizer.accept(builder));
            certTrack = builder.build();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Preload preload = new Preload(dataSet, seed != null ? seed : new SecureRandom().nextLong(), List.copyOf(fixtures));
        context.getStore(NAMESPACE).put(ClassState.class, new ClassState(context.getUniqueId(), database, certTrack, preload));
        log.info("{} runs on {}", context.getDisplayName(), database);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassState state = state(context);
        state.seedResult = state.preload.load(state.certTrack);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestTransaction test = context.getStore(NAMESPACE).remove(TestTransaction.class, TestTransaction.class);
        if (test != null) {
            test.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).get(ClassState.class, ClassState.class);
        if (state != null && state.owner.equals(context.getUniqueId())) { // not a @Nested class's
            context.getStore(NAMESPACE).remove(ClassState.class);
            state.close();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        ClassState state = context.getStore(NAMESPACE).get(ClassState.class, ClassState.class);
        if (state != null && state.seedResult != null) {
            System.err.println(context.getDisplayName() + " failed on the " + state.seedResult.dataSet()
                    + " seeded with seed " + state.seedResult.seed() + "; replay it with withSeed("
                    + state.seedResult.seed() + "L)");
        }
    }

    private static ClassState state(ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).get(ClassState.class, ClassState.class);
        if (state == null) {
            throw new IllegalStateException("No certtrack database for " + context.getDisplayName()
                    + ": register CertTrackExtension on a static field");
        }
        return state;
    }

    // ---- Injection: three things per class, four per test over the test's EntityManager ----

    private static final Map<Class<?>, Function<ClassState, Object>> PER_CLASS = Map.of(
            CertTrack.class, state -> state.certTrack,
            TestDatabase.class, state -> state.database,
            SeedResult.class, ClassState::seedResult);
    private static final Map<Class<?>, Function<EntityManager, Object>> PER_TEST = Map.of(
            EntityManager.class, entityManager -> entityManager,
            EngineerRepository.class, EngineerRepository::using,
            CertificateRepository.class, CertificateRepository::using,
            InstructorRepository.class, InstructorRepository::using);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return PER_CLASS.containsKey(type) || PER_TEST.containsKey(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ClassState state;
        try {
            state = state(context);
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
        if (PER_CLASS.containsKey(type)) {
            return PER_CLASS.get(type).apply(state);
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(type.getSimpleName()
                    + " is per test: inject it into a test method, @BeforeEach or @AfterEach, not " + context.getDisplayName());
        }
        // get-then-put rather than getOrComputeIfAbsent (deprecated in JUnit 6) or computeIfAbsent (new in
        // 5.13), so the extension runs on every JUnit 5 and 6; a test's parameters resolve on one thread.
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestTransaction test = store.get(TestTransaction.class, TestTransaction.class);
        if (test == null) {
            test = new TestTransaction(state.certTrack);
            store.put(TestTransaction.class, test);
        }
        return PER_TEST.get(type).apply(test.entityManager());
    }

    /** A test class's database and certtrack, and what the last preload loaded. */
    private static final class ClassState {

        final String owner;
        final TestDatabase database;
        final CertTrack certTrack;
        final Preload preload;
        SeedResult seedResult;

        ClassState(String owner, TestDatabase database, CertTrack certTrack, Preload preload) {
            this.owner = owner;
            this.database = database;
            this.certTrack = certTrack;
            this.preload = preload;
        }

        SeedResult seedResult() {
            if (seedResult == null) {
                throw new ParameterResolutionException("No data set was loaded: use withStandardData() or withDataSet(...)");
            }
            return seedResult;
        }

        void close() {
            try {
                certTrack.close();
            } finally {
                database.close();
            }
        }
    }
}
