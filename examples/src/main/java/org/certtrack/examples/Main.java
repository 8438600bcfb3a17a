package org.certtrack.examples;

import java.io.PrintStream;
import java.util.List;

import org.certtrack.CertTrack;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.PageRequest;
import org.certtrack.UnitOfWork;

/**
 * The smallest embedding of certtrack: opens the database {@code DATABASE_URL} names (the embedded H2
 * database when it is unset), which migrates it, adds a few rows when it is empty, and prints them.
 *
 * <pre>java -jar examples/target/certtrack-examples.jar</pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try (CertTrack certTrack = CertTrack.fromEnvironment()) {
            run(certTrack, System.out);
        }
    }

    /** Adds the sample rows if the database has no engineers yet, then prints what is there. */
    static void run(CertTrack certTrack, PrintStream out) {
        out.println("certtrack on " + certTrack);
        certTrack.useTransaction(work -> {
            if (work.engineers().count() == 0) {
                addSampleRows(work);
                out.println("The database was empty: added a few engineers.");
            }
        });
        certTrack.useTransaction(work -> print(work, out));
    }

    private static void addSampleRows(UnitOfWork work) {
        Instructor grace = new Instructor("Grace Hopper");
        Instructor alan = new Instructor("Alan Turing");
        Engineer ada = new Engineer("Ada Lovelace", "backend", 36);
        Engineer linus = new Engineer("Linus Torvalds", "devops", 55);
        grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
        alan.addCertificate(ada.addCertificate(new Certificate("Azure", 2028)));
        grace.addCertificate(linus.addCertificate(new Certificate("Github", 2026)));
        work.engineers().add(ada);
        work.engineers().add(linus);
    }

    private static void print(UnitOfWork work, PrintStream out) {
        out.println();
        out.println("Engineers");
        for (Engineer engineer : work.engineers().findAllWithCertificates(PageRequest.first(PageRequest.MAX_SIZE))) {
            out.printf("  %s (%s, %d)%n", engineer.getName(), engineer.getSpecialty(), engineer.getAge());
            for (Certificate certificate : engineer.getCertificates()) {
                Instructor instructor = certificate.getInstructor();
                out.printf("    %-8s expires %d%s%n", certificate.getTitle(), certificate.getExpirationYear(),
                        instructor == null ? "" : ", issued by " + instructor.getName());
            }
        }
        out.println();
        out.println("Instructors");
        for (Instructor instructor : work.instructors().findAllWithEngineers(PageRequest.first(PageRequest.MAX_SIZE))) {
            List<String> names = instructor.getEngineers().stream().map(Engineer::getName).toList();
            out.printf("  %s: %s%n", instructor.getName(), names.isEmpty() ? "no engineers" : String.join(", ", names));
        }
    }
}
