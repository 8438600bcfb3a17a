package org.certtrack.spring.typo;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A host application with a typo in a named query of its own entity ({@link Misspelled}). */
@SpringBootApplication
public class TypoApplication {
}
