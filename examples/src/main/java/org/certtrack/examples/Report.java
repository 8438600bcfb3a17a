package org.certtrack.examples;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Year;
import java.util.List;

import org.certtrack.CertTrack;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.InstructorWithEngineers;
import org.certtrack.PageRequest;
import org.certtrack.UnitOfWork;

/**
 * The report {@link Main} prints: engineers with their certificates, instructors with their engineers,
 * and the certificates expiring this year. Each section shows at most {@value #ROWS} rows and says how
 * many there are, so it reads the same, in a fixed number of SQL statements, on any amount of data.
 */
final class Report {

    /** The most rows a section prints. */
    static final int ROWS = 20;

    private final Clock clock;

    Report(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** Prints the report, reading everything in one read-only transaction. */
    void print(CertTrack certTrack, PrintStream out) {
        certTrack.read(work -> {
            printEngineers(work, out);
            printInstructors(work, out);
            printExpiring(work, out, Year.now(clock).getValue());
            return null;
        });
    }

    private static void printEngineers(UnitOfWork work, PrintStream out) {
        List<Engineer> engineers = work.engineers().findAllWithCertificates(PageRequest.first(ROWS));
        heading(out, "Engineers", engineers.size(), work.engineers().count());
        for (Engineer engineer : engineers) {
            out.printf("  %s (%s, %d)%n", engineer.getName(), engineer.getSpecialty(), engineer.getAge());
            for (Certificate certificate : engineer.getCertificates()) {
                Instructor instructor = certificate.getInstructor();
                out.printf("    %-8s expires %d%s%n", certificate.getTitle(), certificate.getExpirationYear(),
                        instructor == null ? "" : ", issued by " + instructor.getName());
            }
        }
    }

    private static void printInstructors(UnitOfWork work, PrintStream out) {
        List<InstructorWithEngineers> instructors = work.instructors().findRowsWithEngineers(PageRequest.first(ROWS));
        heading(out, "Instructors", instructors.size(), work.instructors().count());
        for (InstructorWithEngineers instructor : instructors) {
            List<String> names = instructor.engineers().stream().map(InstructorWithEngineers.EngineerSummary::name).toList();
            out.printf("  %s: %s%n", instructor.name(), names.isEmpty() ? "no engineers" : String.join(", ", names));
        }
    }

    private static void printExpiring(UnitOfWork work, PrintStream out, int year) {
        List<Certificate> expiring = work.certificates().findExpiringIn(year, PageRequest.first(ROWS));
        heading(out, "Certificates expiring in " + year, expiring.size(), work.certificates().countExpiringIn(year));
        for (Certificate certificate : expiring) {
            Instructor instructor = certificate.getInstructor();
            out.printf("  %-8s held by %s%s%n", certificate.getTitle(), certificate.getEngineer().getName(),
                    instructor == null ? "" : ", issued by " + instructor.getName());
        }
    }

    private static void heading(PrintStream out, String title, int shown, long total) {
        out.println();
        out.println(shown < total ? title + " (first " + shown + " of " + total + ")" : title + " (" + total + ")");
        if (total == 0) {
            out.println("  none");
        }
    }
}
