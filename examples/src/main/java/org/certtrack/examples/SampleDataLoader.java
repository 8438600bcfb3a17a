package org.certtrack.examples;

import org.certtrack.CertTrack;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;

/**
 * The data the examples load until certtrack-seed's seeder is wired in: two engineers, two instructors
 * and three certificates, the same whatever the seed. It cannot make a sized data set.
 */
final class SampleDataLoader implements DataLoader {

    @Override
    public void loadStandard(CertTrack certTrack, long seed) {
        certTrack.useTransaction(work -> {
            // Delete and insert in one transaction: a failure leaves the previous data in place.
            work.entityManager().createQuery("delete from Certificate").executeUpdate();
            work.entityManager().createQuery("delete from Engineer").executeUpdate();
            work.entityManager().createQuery("delete from Instructor").executeUpdate();
            Instructor grace = new Instructor("Grace Hopper");
            Instructor alan = new Instructor("Alan Turing");
            Engineer ada = new Engineer("Ada Lovelace", "backend", 36);
            Engineer linus = new Engineer("Linus Torvalds", "devops", 55);
            grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
            alan.addCertificate(ada.addCertificate(new Certificate("Azure", 2028)));
            grace.addCertificate(linus.addCertificate(new Certificate("Github", 2026)));
            work.engineers().add(ada);
            work.engineers().add(linus);
        });
    }

    @Override
    public void loadSized(CertTrack certTrack, long seed, int engineers, Progress progress) {
        throw new UnsupportedOperationException("--engineers needs certtrack-seed; not wired yet");
    }
}
