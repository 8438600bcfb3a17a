package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import javax.sql.DataSource;

import org.certtrack.CertTrack;
import org.certtrack.CertificateRepository;
import org.certtrack.ConcurrentUpdateException;
import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.InstructorRepository;
import org.certtrack.InvalidValueException;
import org.certtrack.PageRequest;
import org.certtrack.seed.junit.StatementCounter;
import org.certtrack.seed.junit.TestDatabase;
import org.certtrack.spring.app.NotesApplication;
import org.certtrack.spring.app.Team;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole path through the starter, in an application ({@link NotesApplication}) that configures nothing
 * of certtrack: its own migration and entity beside certtrack's, certtrack's repositories in
 * {@code @Transactional} methods, certtrack's exceptions, and the same SQL as outside Spring. Run on H2
 * ({@link StarterTest}) and PostgreSQL ({@link StarterIT}).
 */
@SpringBootTest(classes = {NotesApplication.class, StarterContract.CountingStatements.class})
@DirtiesContext   // each subclass its own database: never share the context
abstract class StarterContract {

    private static TestDatabase database;

    @Autowired
    Team team;
    @Autowired
    EngineerRepository engineers;
    @Autowired
    CertificateRepository certificates;
    @Autowired
    InstructorRepository instructors;
    @Autowired
    DataSource dataSource;
    @Autowired
    StatementCounter statements;
    @Autowired
    PlatformTransactionManager transactionManager;

    /**
     * The subclass's database, opened in its {@code @BeforeAll}: before Spring starts the application, so
     * that a class without PostgreSQL is skipped as a whole instead of failing to start.
     */
    static void useDatabase(TestDatabase fresh) {
        database = fresh;
    }

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database.url().jdbcUrl());
        registry.add("spring.datasource.username", () -> database.url().username());
        registry.add("spring.datasource.password", () -> database.url().password() == null ? "" : database.url().password());
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void bothMigrationsRanAndBothKindsOfRepositoryShareTheTransaction() {
        team.hire("Ada Lovelace", "mathematics", "Grace Hopper", "knows the analytical engine");

        assertThat(team.describe("mathematics"))
                .as("certtrack's engineer, read by Spring Data, with the application's note")
                .containsExactly("Ada Lovelace: [knows the analytical engine]");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);   // Flyway quotes its names: lower case on H2 too
        assertThat(jdbc.queryForObject("SELECT count(*) FROM \"certtrack_schema_history\" WHERE \"success\"", Integer.class))
                .as("certtrack's migrations in its history table").isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'", Integer.class))
                .as("the application's V1 in Spring's history table").isEqualTo(1);
    }

    @Test
    void anInvalidValueIsCertTracksExceptionAndWritesNothing() {
        long before = engineers.count();

        InvalidValueException invalid = catchThrowableOfType(InvalidValueException.class,
                () -> team.hire(" ", "backend", "Grace Hopper", "blank name"));

        assertThat(invalid).as("what hiring a blank name threw").isNotNull();
        assertThat(invalid.getMessage()).contains("Engineer.name");
        assertThat(engineers.count()).as("engineers after the failed hire").isEqualTo(before);
    }

    @Test
    void aLostRaceOnAnEngineerIsAConcurrentUpdateNamingIt() {
        long id = team.hire("Linus Torvalds", "devops", "Grace Hopper", "kernel");

        ConcurrentUpdateException conflict = catchThrowableOfType(ConcurrentUpdateException.class,
                () -> team.renameEngineer(id, "Linus B. Torvalds",
                        () -> team.inNewTransaction(() -> engineers.getById(id).setAge(55))));

        assertConflict(conflict, "Engineer", id);
        assertThat(team.describe("devops")).as("the engineer keeps the winner's change only")
                .containsExactly("Linus Torvalds: [kernel]");
    }

    @Test
    void aLostRaceOnTheApplicationsOwnEntityStaysSpringsBesideCertTracksRepositories() {
        long id = team.hire("Katherine Johnson", "orbital mechanics", "Grace Hopper", "trajectories");

        Throwable lost = catchThrowable(() -> team.renameWithNote(id, "Katherine G. Johnson", "Friendship 7",
                () -> team.rewriteNote(id, "Apollo 11")));

        assertThat(lost).as("what committing the stale note (the application's entity) threw")
                .isExactlyInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(team.describe("orbital mechanics")).as("neither the rename nor the stale note was written")
                .containsExactly("Katherine Johnson: [Apollo 11]");
    }

    @Test
    void aLostRaceOnACertificateIsAConcurrentUpdateNamingIt() {
        long engineer = team.hire("Margaret Hamilton", "flight software", "Grace Hopper", "Apollo");
        long id = certificates.findByEngineerId(engineer, PageRequest.first()).get(0).getId();

        ConcurrentUpdateException conflict = catchThrowableOfType(ConcurrentUpdateException.class,
                () -> team.retitleCertificate(id, "Azure",
                        () -> team.inNewTransaction(() -> certificates.getById(id).setExpirationYear(2031))));

        assertConflict(conflict, "Certificate", id);
    }

    @Test
    void aLostRaceOnAnInstructorIsAConcurrentUpdateNamingIt() {
        team.hire("Barbara Liskov", "backend", "Edsger Dijkstra", "substitution");
        long id = instructors.findByNameContaining("Dijkstra", PageRequest.first()).get(0).getId();

        ConcurrentUpdateException conflict = catchThrowableOfType(ConcurrentUpdateException.class,
                () -> team.renameInstructor(id, "E. W. Dijkstra",
                        () -> team.inNewTransaction(() -> instructors.getById(id).setName("Edsger W. Dijkstra"))));

        assertConflict(conflict, "Instructor", id);
        assertThat(instructors.findByNameContaining("Dijkstra", PageRequest.first())).extracting(i -> i.getName())
                .as("the instructor keeps the winner's name").containsExactly("Edsger W. Dijkstra");
    }

    @Test
    void aPageOfInstructorsWithEngineersTakesAsManyStatementsAsOutsideSpring() {
        for (int i = 0; i < 5; i++) {
            team.hire("Engineer " + i, "qa", "Instructor " + i, "note " + i);
            team.hire("Second engineer " + i, "qa", "Instructor " + i + " bis", "note " + i);
        }

        int inSpring = statements.during(() -> assertThat(team.instructorsWithEngineers()).isNotEmpty());

        StatementCounter outside = new StatementCounter();
        try (CertTrack certTrack = CertTrack.builder().dataSource(dataSource).migrate(false)
                .property(StatementCounter.PROPERTY, outside).build()) {
            int plain = outside.during(() -> certTrack.useTransaction(work ->
                    work.instructors().findAllWithEngineers(PageRequest.first())
                            .forEach(instructor -> instructor.getEngineers().size())));
            assertThat(inSpring).as("statements for a page of instructors with engineers, in Spring and outside")
                    .isEqualTo(plain).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void lazyCollectionsOfCertTracksEntitiesLoadInBatchesWithoutAGlobalSetting() {
        for (int i = 0; i < 5; i++) {
            team.hire("Lazy engineer " + i, "lazy loading", "Lazy instructor " + i, "note " + i);
        }

        int count = statements.during(() -> assertThat(team.certificateCounts("lazy loading")).containsOnly(1).hasSize(5));

        assertThat(count).as("statements for 5 engineers and their lazy certificates (@BatchSize on the collection)")
                .isEqualTo(2);
    }

    private static void assertConflict(ConcurrentUpdateException conflict, String entity, long id) {
        assertThat(conflict).as("what committing the stale " + entity + " threw").isNotNull();
        assertThat(conflict.entityName()).as("the entity in conflict").isEqualTo(entity);
        assertThat(conflict.id()).as("the id in conflict").isEqualTo(id);
        assertThat(conflict.getCause()).as("Spring's translation of the same lost race, for Spring's own handling")
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(RetryPolicy.builder().includes(OptimisticLockingFailureException.class).build().shouldRetry(conflict))
                .as("whether @Retryable(includes = OptimisticLockingFailureException.class) retries it").isTrue();
    }

    /** Counts the statements of the application's EntityManagerFactory. */
    @Test
    void aReadOnlySpringTransactionIsACertTrackReadOnlyUnit() {
        team.hire("Ada Lovelace", "mathematics", "Grace Hopper", "knows the analytical engine");
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);

        Integer age = readOnly.execute(status -> {
            Engineer ada = engineers.findByNameContaining("Ada Lovelace", PageRequest.first()).get(0);
            ada.setAge(99);   // not saved: loaded read-only, never flushed
            return ada.getAge();
        });
        assertThat(age).isEqualTo(99);
        IllegalStateException refused = catchThrowableOfType(IllegalStateException.class,
                () -> readOnly.executeWithoutResult(status -> engineers.add(new Engineer("Bob", "backend", 30))));

        assertThat(refused).as("add() in a read-only transaction").isNotNull()
                .hasMessageContaining("read-only unit of work");
        TransactionTemplate readWrite = new TransactionTemplate(transactionManager);
        Integer saved = readWrite.execute(status -> engineers.findByNameContaining("Ada Lovelace", PageRequest.first()).get(0).getAge());
        List<Engineer> bobs = readWrite.execute(status -> engineers.findByNameContaining("Bob", PageRequest.first()));
        assertThat(saved).as("the age changed in the read-only transaction").isNotEqualTo(99);
        assertThat(bobs).as("the engineer added in the read-only transaction").isEmpty();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountingStatements {

        @Bean
        StatementCounter statementCounter() {
            return new StatementCounter();
        }

        @Bean
        HibernatePropertiesCustomizer countStatements(StatementCounter counter) {
            return properties -> properties.put(StatementCounter.PROPERTY, counter);
        }
    }
}
