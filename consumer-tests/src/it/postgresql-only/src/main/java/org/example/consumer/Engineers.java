package org.example.consumer;

import org.certtrack.CertTrack;
import org.certtrack.Engineer;

/** The consumer's own code: it compiles against certtrack-core's API only, whatever the database. */
public final class Engineers {

    private Engineers() {
    }

    /** Adds an engineer in one unit of work and returns its id. */
    public static long add(CertTrack certTrack, String name) {
        return certTrack.inTransaction(work -> work.engineers().add(new Engineer(name, "backend", 36)).getId());
    }

    /** The name of the engineer with this id, read in a unit of work of its own. */
    public static String name(CertTrack certTrack, long id) {
        return certTrack.inTransaction(work -> work.engineers().getById(id).getName());
    }
}
