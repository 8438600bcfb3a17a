package org.certtrack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.certtrack.Certificate;
import org.certtrack.CertificateRepository;
import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.Instructor;
import org.certtrack.InstructorRepository;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The runtime hints a native image needs, registered as Spring's AOT processing finds them (aot.factories). */
class CertTrackRuntimeHintsTest {

    private final RuntimeHints hints = registered();

    @Test
    void repositoryProxies() {
        for (Class<?> repository : List.of(EngineerRepository.class, CertificateRepository.class, InstructorRepository.class)) {
            assertThat(RuntimeHintsPredicates.proxies().forInterfaces(repository)).as("JDK proxy of " + repository.getSimpleName())
                    .accepts(hints);
        }
    }

    @Test
    void theH2TriggerThatH2InstantiatesByName() {
        for (String trigger : List.of("org.certtrack.spi.H2RowRules", "org.certtrack.internal.H2RowRules")) {
            assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(trigger))
                    .withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).as("reflection on " + trigger).accepts(hints);
        }
    }

    @Test
    void entities() {
        for (Class<?> entity : List.of(Engineer.class, Certificate.class, Instructor.class)) {
            assertThat(RuntimeHintsPredicates.reflection().onType(entity).withMemberCategories(
                    MemberCategory.ACCESS_DECLARED_FIELDS, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
                    .as("reflection on " + entity.getSimpleName()).accepts(hints);
        }
    }

    @Test
    void everyMigrationScript() throws IOException {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:org/certtrack/db/**/*.sql");
        assertThat(scripts).as("certtrack's scripts on the classpath").hasSizeGreaterThanOrEqualTo(9);
        for (Resource script : scripts) {
            String path = script.getURL().toString().replaceFirst("^.*?(org/certtrack/db/)", "$1");
            assertThat(RuntimeHintsPredicates.resource().forResource(path)).as(path).accepts(hints);
        }
    }

    private static RuntimeHints registered() {
        RuntimeHints hints = new RuntimeHints();
        SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
                .load(RuntimeHintsRegistrar.class)
                .forEach(registrar -> registrar.registerHints(hints, CertTrackRuntimeHintsTest.class.getClassLoader()));
        return hints;
    }
}
