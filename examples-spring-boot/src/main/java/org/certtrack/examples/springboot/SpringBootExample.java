package org.certtrack.examples.springboot;

import java.io.PrintStream;

import org.certtrack.Engineer;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * certtrack inside a Spring Boot application: Spring's Flyway runs certtrack's migrations, Spring's
 * JPA scans certtrack's entities ({@link EntityScan}) and only validates the schema, certtrack's
 * repositories work over Spring's shared, transaction-bound {@code EntityManager}
 * ({@link CertTrackRepositories}), and a Spring Data repository ({@link EngineerSpringDataRepository})
 * reads the same entities, in the same transactions ({@link TeamService}).
 *
 * <pre>java -jar examples-spring-boot/target/certtrack-spring-boot-example.jar</pre>
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Engineer.class)
public class SpringBootExample {

    /** Starts the application, which hires a small team if the database has none, prints it, and stops. */
    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = SpringApplication.run(SpringBootExample.class, args)) {
            context.getBean(TeamService.class);   // started, migrated, validated; the runner below has reported
        }
    }

    /** On start-up: hires the sample team into an empty database, then prints the report. */
    @Bean
    CommandLineRunner reportOnStartup(TeamService team) {
        return args -> {
            PrintStream out = System.out;
            if (team.hireSampleTeamIfEmpty()) {
                out.println("The database was empty: hired the sample team.");
            }
            team.report().forEach(out::println);
        };
    }
}
