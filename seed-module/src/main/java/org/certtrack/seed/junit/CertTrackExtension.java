package org.certtrack.seed.junit;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.certtrack.CertTrack;
import org.certtrack.CertificateRepository;
import org.certtrack.EngineerRepository;
import org.certtrack.InstructorRepository;
import org.certtrack.UnitOfWork;
import org.certtrack.seed.DataSet;
import org.certtrack.seed.SeedResult;
import org.certtrack.seed.Seeder;
import org.certtrack.seed.junit.CertTrackTest.Database;
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
import org.junit.platform.commons.support.AnnotationSupport;
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
 * <p>Register it on a {@code static} field, so the database lives as long as the class, or annotate the
 * class with {@link CertTrackTest}.
 */
public final class CertTrackExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback,
        BeforeEachCallback, AfterEachCallback, ParameterResolver, TestWatcher {

    /** The environment variable that points {@link #postgres()} and {@link #create()} at a PostgreSQL. */
    public static final String JDBC_URL_VARIABLE = "CERTTRACK_TEST_JDBC_URL";
    /** The system property that does the same, and wins over the environment variable. */
    public static final String JDBC_URL_PROPERTY = "certtrack.test.jdbc-url";

    private static final Logger log = LoggerFactory.getLogger(CertTrackExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CertTrackExtension.class);
    private static final List<Class<?>> PER_TEST_TYPES = List.of(EntityManager.class, EngineerRepository.class,
            CertificateRepository.class, InstructorRepository.class);
    private static final List<Class<?>> PER_CLASS_TYPES = List.of(CertTrack.class, TestDatabase.class, SeedResult.class);

    /** Null when the options come from the test class's {@link CertTrackTest} annotation. */
    private final Database mode;
    private DataSet dataSet;
    private Long seed;
    private final List<Consumer<UnitOfWork>> fixtures = new ArrayList<>();
    private final List<Consumer<CertTrack.Builder>> customizers = new ArrayList<>();

    private CertTrackExtension(Database mode) {
        this.mode = mode;
    }

    /**
     * For {@link CertTrackTest} (and {@code @ExtendWith}): takes its options from the test class's
     * {@code @CertTrackTest}, or behaves as {@link #create()} when the class has none. In code, use the
     * static factories.
     */
    public CertTrackExtension() {
        this(null);
    }

    /** An in-memory H2 database per test class. */
    public static CertTrackExtension embedded() {
        return new CertTrackExtension(Database.EMBEDDED);
    }

    /**
     * A PostgreSQL schema per test class: in the configured PostgreSQL, else a Testcontainers one; when there
     * is none the class is skipped (fails with {@code CI=true}).
     */
    public static CertTrackExtension postgres() {
        return new CertTrackExtension(Database.POSTGRES);
    }

    /** A schema in the configured PostgreSQL when there is one, else an in-memory H2 database. */
    public static CertTrackExtension create() {
        return new CertTrackExtension(Database.CONFIGURED_OR_EMBEDDED);
    }

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

    /** Adjusts the {@link CertTrack.Builder} before the class's {@link CertTrack} is built (Hibernate settings, pool). */
    public CertTrackExtension withCertTrack(Consumer<CertTrack.Builder> customizer) {
        customizers.add(requireNonNull(customizer, "customizer"));
        return this;
    }

    /** Skips the class (or fails it when {@code CI=true}) when it needs PostgreSQL and none is found. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return database(context) == Database.POSTGRES ? new PostgresCondition().evaluateExecutionCondition(context)
                : ConditionEvaluationResult.enabled("certtrack needs no PostgreSQL here");
    }

    private Database database(ExtensionContext context) {
        return mode != null ? mode
                : annotation(context).map(CertTrackTest::database).orElse(Database.CONFIGURED_OR_EMBEDDED);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(ClassState.class, ClassState.class) != null) {
            return; // a @Nested class: it shares its enclosing class's database
        }
        TestDatabase database = openDatabase(database(context));
        ClassState state = new ClassState(context.getUniqueId(), database);
        try {
            CertTrack.Builder builder = database.certTrack();
            state.dataSet = dataSet;
            customizers.forEach(customizer -> customizer.accept(builder));
            state.certTrack = builder.build();
            Seeder seeder = Seeder.of(state.certTrack);
            Long classSeed = seed;
            if (mode == null && annotation(context).map(CertTrackTest::standardData).orElse(false)) {
                state.dataSet = DataSet.standard();
                long[] seeds = annotation(context).get().seed();
                classSeed = seeds.length > 0 ? seeds[0] : null;
            }
            state.seeder = state.dataSet == null ? seeder
                    : seeder.withSeed(classSeed != null ? classSeed : new SecureRandom().nextLong());
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        log.info("{} runs on {}", context.getDisplayName(), database);
        store.put(ClassState.class, state);
    }

    private static Optional<CertTrackTest> annotation(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CertTrackTest.class);
    }

    private static TestDatabase openDatabase(Database mode) {
        return switch (mode) {
            case EMBEDDED -> TestDatabase.h2();
            case CONFIGURED_OR_EMBEDDED -> TestDatabase.configuredPostgres().orElseGet(TestDatabase::h2);
            case POSTGRES -> TestDatabase.postgres();
        };
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassState state = state(context);
        if (state.dataSet != null) {
            state.seedResult = state.seeder.seed(state.dataSet);
        } else {
            state.seeder.deleteAll();
        }
        fixtures.forEach(state.certTrack::useTransaction);
    }

    private static ClassState state(ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).get(ClassState.class, ClassState.class);
        if (state == null) {
            throw new IllegalStateException("No certtrack database for " + context.getDisplayName()
                    + ": register CertTrackExtension on a static field");
        }
        return state;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestState test = context.getStore(NAMESPACE).remove(TestState.class, TestState.class);
        if (test != null) {
            test.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).get(ClassState.class, ClassState.class);
        if (state != null && state.owner.equals(context.getUniqueId())) {
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

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return PER_CLASS_TYPES.contains(type) || PER_TEST_TYPES.contains(type);
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
        if (type == CertTrack.class) {
            return state.certTrack;
        }
        if (type == TestDatabase.class) {
            return state.database;
        }
        if (type == SeedResult.class) {
            if (state.seedResult == null) {
                throw new ParameterResolutionException("No data set was loaded: use withStandardData() or withDataSet(...)");
            }
            return state.seedResult;
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(type.getSimpleName()
                    + " is per test: inject it into a test method, @BeforeEach or @AfterEach, not " + context.getDisplayName());
        }
        // get-then-put rather than getOrComputeIfAbsent (deprecated in JUnit 6) or computeIfAbsent (new in
        // 5.13), so the extension runs on every JUnit 5 and 6; a test's parameters resolve on one thread.
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestState test = store.get(TestState.class, TestState.class);
        if (test == null) {
            test = new TestState(state.certTrack);
            store.put(TestState.class, test);
        }
        if (type == EntityManager.class) {
            return test.entityManager;
        }
        if (type == EngineerRepository.class) {
            return EngineerRepository.using(test.entityManager);
        }
        if (type == CertificateRepository.class) {
            return CertificateRepository.using(test.entityManager);
        }
        return InstructorRepository.using(test.entityManager);
    }

    /** A test class's database and certtrack. */
    private static final class ClassState {

        final String owner;
        final TestDatabase database;
        CertTrack certTrack;
        DataSet dataSet;
        Seeder seeder;
        SeedResult seedResult;

        ClassState(String owner, TestDatabase database) {
            this.owner = owner;
            this.database = database;
        }

        void close() {
            try {
                if (certTrack != null) {
                    certTrack.close();
                }
            } finally {
                database.close();
            }
        }
    }

    /** A test's entity manager, in a transaction that is rolled back after the test. */
    private static final class TestState {

        final EntityManager entityManager;

        TestState(CertTrack certTrack) {
            this.entityManager = certTrack.entityManagerFactory().createEntityManager();
            entityManager.getTransaction().begin();
        }

        void close() {
            try {
                EntityTransaction transaction = entityManager.getTransaction();
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            } finally {
                entityManager.close();
            }
        }
    }
}
