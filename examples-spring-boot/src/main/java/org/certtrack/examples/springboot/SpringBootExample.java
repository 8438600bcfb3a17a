package org.certtrack.examples.springboot;

import java.io.PrintStream;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * certtrack inside a Spring Boot application that configures nothing of certtrack: the starter migrates
 * certtrack's tables, maps its entities beside the application's own ({@link TeamNote}, migrated by
 * Spring's Flyway from {@code db/migration}), and registers certtrack's repositories, which work with a
 * Spring Data repository ({@link EngineerSpringDataRepository}) in the same transactions ({@link TeamService}).
 *
 * <pre>java -jar examples-spring-boot/target/certtrack-spring-boot-example.jar</pre>
 */
@SpringBootApplication
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
