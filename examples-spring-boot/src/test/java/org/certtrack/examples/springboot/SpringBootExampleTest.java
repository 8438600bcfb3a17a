package org.certtrack.examples.springboot;

import org.springframework.test.context.TestPropertySource;

/** {@link SpringBootExampleContract} on an in-memory H2 database of its own. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:spring-boot-example-test;DB_CLOSE_DELAY=-1")
class SpringBootExampleTest extends SpringBootExampleContract {
}
