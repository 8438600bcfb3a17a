package org.certtrack.spring;

import org.certtrack.internal.Bootstrap;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * What a native image of an application with the starter must keep that static analysis cannot see:
 * <ul>
 *   <li>the JDK proxies of certtrack's repository interfaces (its exception translation, and the
 *       observations when Micrometer is there);</li>
 *   <li>certtrack's entities, for Hibernate's reflection: they join the application's persistence unit by
 *       name, where Spring's JPA AOT processing (which covers the scanned entities) does not find them;</li>
 *   <li>the H2 trigger {@value #H2_TRIGGER}, which H2 instantiates by name, when H2 is present;</li>
 *   <li>certtrack's migration scripts under {@code org/certtrack/db/}.</li>
 * </ul>
 * Registered in {@code META-INF/spring/aot.factories}.
 */
class CertTrackRuntimeHints implements RuntimeHintsRegistrar {

    /** The class migration V4 names in its H2 triggers. */
    static final String H2_TRIGGER = "org.certtrack.internal.H2RowRules";

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        for (Class<?> repository : RepositoryObservations.REPOSITORIES) {
            hints.proxies().registerJdkProxy(repository);
        }
        for (Class<?> entity : Bootstrap.ENTITY_CLASSES) {
            hints.reflection().registerType(entity, MemberCategory.ACCESS_DECLARED_FIELDS,
                    MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS);
        }
        if (ClassUtils.isPresent("org.h2.api.Trigger", classLoader)) {
            hints.reflection().registerType(TypeReference.of(H2_TRIGGER), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
                    MemberCategory.INVOKE_PUBLIC_METHODS);
        }
        hints.resources().registerPattern("org/certtrack/db/**");
    }
}
