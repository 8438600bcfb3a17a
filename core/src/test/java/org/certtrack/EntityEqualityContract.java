package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The equality contract of the three entities: one stays findable in a HashSet through persist, merge,
 * reload, proxy and delete, and two unsaved ones are different.
 */
abstract class EntityEqualityContract extends DatabaseContract {

    @Test
    void anEngineerStaysFindableThroughItsLifecycle() {
        assertFindableThroughLifecycle(Engineer.class, () -> new Engineer("Ada", "backend", 36), Engineer::getId);
    }

    @Test
    void anInstructorStaysFindableThroughItsLifecycle() {
        assertFindableThroughLifecycle(Instructor.class, () -> new Instructor("Grace"), Instructor::getId);
    }

    @Test
    void aCertificateStaysFindableThroughItsLifecycle() {
        assertFindableThroughLifecycle(Certificate.class, () -> {
            // Saved first: a certificate does not cascade to its engineer (the repositories save new parents).
            Engineer ada = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)));
            Certificate certificate = new Certificate("AWS", 2027);
            ada.addCertificate(certificate);
            return certificate;
        }, Certificate::getId);
    }

    @Test
    void unsavedEntitiesAreEqualOnlyToThemselves() {
        Engineer ada = new Engineer("Ada", "backend", 36);
        Engineer twin = new Engineer("Ada", "backend", 36);
        assertThat(ada).isEqualTo(ada).isNotEqualTo(twin).isNotEqualTo(null);
        assertThat(Set.of(ada, twin)).hasSize(2);
        assertThat(new Instructor("Grace")).isNotEqualTo(new Instructor("Grace"));
        assertThat(new Certificate("AWS", 2027)).isNotEqualTo(new Certificate("AWS", 2027));
    }

    @Test
    void entitiesOfDifferentTypesWithTheSameIdAreDifferent() {
        Object[] both = certTrack.inTransaction(work -> {
            Engineer engineer = work.engineers().add(new Engineer("Ada", "backend", 36));
            Instructor instructor = work.instructors().add(new Instructor("Grace"));
            return new Object[] {engineer, instructor};
        });
        assertThat(both[0]).isNotEqualTo(both[1]);
    }

    private <T> void assertFindableThroughLifecycle(Class<T> type, java.util.function.Supplier<T> create,
                                                    Function<T, Long> id) {
        T entity = create.get();
        Set<T> set = new HashSet<>();
        set.add(entity);

        certTrack.useTransaction(work -> work.entityManager().persist(entity));
        assertThat(set).as("after persist").contains(entity);

        T merged = certTrack.inTransaction(work -> work.entityManager().merge(entity));
        assertThat(set).as("after merge").contains(merged);

        T reloaded = certTrack.inTransaction(work -> work.entityManager().find(type, id.apply(entity)));
        assertThat(set).as("after reload in a new persistence context").contains(reloaded);

        certTrack.useTransaction(work -> {
            T proxy = work.entityManager().getReference(type, id.apply(entity));
            assertThat(proxy.getClass()).as("a real proxy").isNotEqualTo(type);
            assertThat(set).as("a proxy").contains(proxy);
            assertThat(proxy).isEqualTo(entity);
            assertThat(entity).isEqualTo(proxy);
        });

        certTrack.useTransaction(work -> {
            T managed = work.entityManager().find(type, id.apply(entity));
            work.entityManager().remove(managed);
            work.flush();
            assertThat(set).as("after delete").contains(managed);
        });
        assertThat(set).as("after the delete committed").contains(entity);
    }
}
