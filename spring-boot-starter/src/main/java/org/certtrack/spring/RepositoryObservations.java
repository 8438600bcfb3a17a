package org.certtrack.spring;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.certtrack.CertificateRepository;
import org.certtrack.EngineerRepository;
import org.certtrack.InstructorRepository;

/**
 * Wraps the repository beans the starter makes so that each call is a Micrometer {@link Observation} named
 * {@value #NAME}, with the low-cardinality tags {@code repository} (the interface's simple name) and
 * {@code method}; a call that throws records its exception. Nothing else about the call changes. Only the
 * starter's own repository beans are wrapped, as it makes them: no other bean of the application is
 * looked at (an application's own repository bean replaces the starter's, and is left as it is).
 */
final class RepositoryObservations implements RepositoryWrapper {

    /** The name of every observation of a repository call. */
    static final String NAME = "certtrack.repository";

    /** The repository interfaces whose beans are observed. */
    static final List<Class<?>> REPOSITORIES = List.of(EngineerRepository.class, CertificateRepository.class,
            InstructorRepository.class);

    private final Supplier<ObservationRegistry> registry;

    /** Observes through the registry {@code registry} supplies when the first repository bean is made. */
    RepositoryObservations(Supplier<ObservationRegistry> registry) {
        this.registry = requireNonNull(registry, "registry");
    }

    @Override
    public <R> R wrap(Class<R> type, R repository) {
        return type.cast(observed(type, repository, registry.get()));
    }

    @SuppressWarnings("try") // the observation's scope is held, not used, for the call's duration
    private static Object observed(Class<?> repository, Object target, ObservationRegistry registry) {
        String name = repository.getSimpleName();
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, arguments, target);
            }
            Observation observation = Observation.createNotStarted(NAME, registry)
                    .contextualName(name + "." + method.getName())
                    .lowCardinalityKeyValue("repository", name)
                    .lowCardinalityKeyValue("method", method.getName())
                    .start();
            try (Observation.Scope scope = observation.openScope()) {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                observation.error(e.getCause());
                throw e.getCause();
            } finally {
                observation.stop();
            }
        };
        return Proxy.newProxyInstance(repository.getClassLoader(), new Class<?>[] {repository}, handler);
    }

    private static Object objectMethod(Object proxy, Method method, Object[] arguments, Object target) throws Exception {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> method.invoke(target, arguments);
        };
    }
}
