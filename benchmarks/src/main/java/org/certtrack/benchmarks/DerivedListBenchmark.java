package org.certtrack.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;

/**
 * Issue 11, item 9: {@link Instructor#getEngineers()} for an instructor with many certificates, in memory
 * (no database), against the same work in plain Java: distinct engineers by identity, sorted by name.
 * Entities share one constant hash code, so a hashed set of them would make certtrack's side quadratic;
 * a ratio near 1 shows it is linear.
 */
final class DerivedListBenchmark {

    private final int certificates;
    private final int engineers;

    DerivedListBenchmark(int certificates, int engineers) {
        this.certificates = certificates;
        this.engineers = engineers;
    }

    Result run(Harness harness) throws Exception {
        Instructor instructor = new Instructor("Grace");
        List<Engineer> all = new ArrayList<>();
        for (int i = 0; i < engineers; i++) {
            all.add(new Engineer(String.format("Engineer %06d", engineers - i), "backend", 30));
        }
        for (int i = 0; i < certificates; i++) {
            instructor.addCertificate(all.get(i % engineers).addCertificate(new Certificate("Cert " + i, 2030)));
        }
        int[] sink = new int[1];
        Harness.Medians medians = harness.compare(() -> {
            long started = System.nanoTime();
            sink[0] += instructor.getEngineers().size();
            return Harness.secondsSince(started);
        }, () -> {
            long started = System.nanoTime();
            Map<Engineer, Boolean> seen = new IdentityHashMap<>();
            List<Engineer> distinct = new ArrayList<>();
            for (Certificate certificate : instructor.getCertificates()) {
                if (seen.put(certificate.getEngineer(), Boolean.TRUE) == null) {
                    distinct.add(certificate.getEngineer());
                }
            }
            distinct.sort(Comparator.comparing(Engineer::getName));
            sink[0] += distinct.size();
            return Harness.secondsSince(started);
        });
        if (sink[0] == 0) {
            throw new IllegalStateException("no engineers listed");
        }
        return Result.time("Instructor.getEngineers(), " + certificates + " certificates of " + engineers
                        + " engineers, in memory", "ms", medians.contender() * 1000,
                "plain Java: IdentityHashMap dedupe + sort", medians.baseline() * 1000);
    }
}
