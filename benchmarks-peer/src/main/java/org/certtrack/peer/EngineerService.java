package org.certtrack.peer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes engineers with their certificates. */
@Service
public class EngineerService {

    private static final int FLUSH_EVERY = 1_000;

    private final EngineerRepository engineers;

    @PersistenceContext
    private EntityManager entityManager;

    public EngineerService(EngineerRepository engineers) {
        this.engineers = engineers;
    }

    /**
     * Saves the engineers and their certificates in one transaction, in JDBC batches (application.properties),
     * writing and letting go of each 1,000 so that the persistence context stays small.
     */
    @Transactional
    public void saveAll(Iterable<Engineer> all) {
        List<Engineer> chunk = new ArrayList<>(FLUSH_EVERY);
        for (Engineer engineer : all) {
            chunk.add(engineer);
            if (chunk.size() == FLUSH_EVERY) {
                engineers.saveAll(chunk);
                entityManager.flush();
                entityManager.clear();
                chunk.clear();
            }
        }
        engineers.saveAll(chunk);
    }
}
