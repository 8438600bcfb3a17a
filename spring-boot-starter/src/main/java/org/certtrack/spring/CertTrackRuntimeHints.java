package org.certtrack.spring;

import org.certtrack.spi.Integration;
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
 *   <li>the H2 trigger, which H2 instantiates by the name a database file stores: {@value #H2_TRIGGER}, and
 *       {@value #H2_TRIGGER_BEFORE_0_2} in files made before 0.2.0, when H2 is present;</li>
 *   <li>certtrack's migration scripts under {@code org/certtrack/db/}.</li>
 * </ul>
 * Registered in {@code META-INF/spring/aot.factories}.
 */
class CertTrackRuntimeHints implements RuntimeHintsRegistrar {

    /** The H2 trigger's stable name. */
    static final String H2_TRIGGER = "org.certtrack.spi.H2RowRules";
    /** The name migration V4 stores in H2 database files, which delegates to {@link #H2_TRIGGER}. */
    static final String H2_TRIGGER_BEFORE_0_2 = "org.certtrack.internal.H2RowRules";

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        for (Class<?> repository : RepositoryObservations.REPOSITORIES) {
            hints.proxies().registerJdkProxy(repository);
        }
        for (Class<?> entity : Integration.entityClasses()) {
            hints.reflection().registerType(entity, MemberCategory.ACCESS_DECLARED_FIELDS,
                    MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS);
        }
        if (ClassUtils.isPresent("org.h2.api.Trigger", classLoader)) {
            for (String trigger : new String[] {H2_TRIGGER, H2_TRIGGER_BEFORE_0_2}) {
                hints.reflection().registerType(TypeReference.of(trigger), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
                        MemberCategory.INVOKE_PUBLIC_METHODS);
            }
        }
        hints.resources().registerPattern("org/certtrack/db/**");
    }
}
