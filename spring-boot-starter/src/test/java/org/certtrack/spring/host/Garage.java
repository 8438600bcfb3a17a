package org.certtrack.spring.host;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The host's own logic, over its own entities only. */
@Service
public class Garage {

    private final SquadRepository squads;

    @PersistenceContext
    private EntityManager entityManager;

    Garage(SquadRepository squads) {
        this.squads = squads;
    }

    /** Saves a new squad; returns its id. */
    @Transactional
    public long found(String name) {
        return squads.save(new Squad(name)).getId();
    }

    /** Reads the squad, runs {@code meanwhile}, then renames it. */
    @Transactional
    public void rename(long id, String name, Runnable meanwhile) {
        Squad squad = squads.findById(id).orElseThrow();
        meanwhile.run();
        squad.setName(name);
    }

    /** Runs {@code work} in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void inNewTransaction(Runnable work) {
        work.run();
    }

    /** Renames the squad in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void renameNow(long id, String name) {
        squads.findById(id).orElseThrow().setName(name);
    }

    /** The squads with this name, by the named query. */
    @Transactional(readOnly = true)
    public List<Squad> named(String name) {
        return entityManager.createNamedQuery("Squad.byName", Squad.class).setParameter("name", name).getResultList();
    }

    /** How many squads there are, through Spring Data only. */
    @Transactional
    public long countSquads() {
        return squads.count();
    }

    /** Saves trucks with these payloads. */
    @Transactional
    public void park(int... payloads) {
        for (int i = 0; i < payloads.length; i++) {
            entityManager.persist(new Truck("T-" + i, payloads[i]));
        }
    }

    /** Deletes the trucks heavier than {@code payload} in one HQL statement; returns how many. */
    @Transactional
    public int scrapHeavierThan(int payload) {
        return entityManager.createQuery("delete from Truck t where t.payload > :payload")
                .setParameter("payload", payload).executeUpdate();
    }
}
