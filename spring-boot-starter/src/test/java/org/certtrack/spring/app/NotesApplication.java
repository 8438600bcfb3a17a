package org.certtrack.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with its own entity ({@link Note}), its own Flyway migration ({@code db/migration}) and
 * Spring Data repositories, that adds certtrack's starter and configures nothing of certtrack.
 */
@SpringBootApplication
public class NotesApplication {
}
