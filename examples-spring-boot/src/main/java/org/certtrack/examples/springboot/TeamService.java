package org.certtrack.examples.springboot;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.Instructor;
import org.certtrack.InstructorRepository;
import org.certtrack.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's own logic, using certtrack's repositories and a Spring Data repository side by
 * side: each method is one Spring transaction, which both kinds join.
 */
@Service
class TeamService {

    private final EngineerRepository engineers;
    private final InstructorRepository instructors;
    private final EngineerSpringDataRepository springEngineers;
    private final TeamNoteRepository notes;

    TeamService(EngineerRepository engineers, InstructorRepository instructors,
                EngineerSpringDataRepository springEngineers, TeamNoteRepository notes) {
        this.engineers = requireNonNull(engineers, "engineers");
        this.instructors = requireNonNull(instructors, "instructors");
        this.springEngineers = requireNonNull(springEngineers, "springEngineers");
        this.notes = requireNonNull(notes, "notes");
    }

    /** Hires the sample team when there are no engineers yet; returns whether it did. */
    @Transactional
    boolean hireSampleTeamIfEmpty() {
        if (engineers.count() > 0) {
            return false;
        }
        Instructor grace = new Instructor("Grace Hopper");
        Engineer ada = new Engineer("Ada Lovelace", "backend", 36);
        Engineer linus = new Engineer("Linus Torvalds", "devops", 55);
        grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
        grace.addCertificate(linus.addCertificate(new Certificate("Github", 2026)));
        engineers.add(ada);
        engineers.add(linus);
        notes.save(new TeamNote(ada.getId(), "first engineer of the sample team"));
        return true;
    }

    /**
     * Hires an engineer holding one certificate, through certtrack's repository, and returns how many
     * engineers share their specialty, through Spring Data, which sees the new one in the same transaction.
     *
     * @throws org.certtrack.InvalidValueException for a blank name or an implausible age or year; nothing is saved then
     */
    @Transactional
    long hire(String name, String specialty, int age, String certificate, int expirationYear) {
        Engineer engineer = new Engineer(name, specialty, age);
        engineer.addCertificate(new Certificate(certificate, expirationYear));
        engineers.add(engineer);
        return springEngineers.findBySpecialtyOrderByNameAsc(specialty).size();
    }

    /**
     * Hires everyone in one transaction, writing each to the database as it goes: all of them, or, when
     * one is invalid, none (the rows already written roll back).
     *
     * @throws org.certtrack.InvalidValueException naming the field of the first invalid hire
     */
    @Transactional
    void hireAll(List<NewHire> hires) {
        for (NewHire hire : hires) {
            engineers.add(new Engineer(hire.name(), hire.specialty(), hire.age()));
            springEngineers.flush();
        }
    }

    /** Who to hire. */
    record NewHire(String name, String specialty, int age) {
    }

    /** Lines describing the team, read with both kinds of repository in one read-only transaction. */
    @Transactional(readOnly = true)
    List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add("Engineers (certtrack's EngineerRepository, " + engineers.count() + " in all):");
        for (Engineer engineer : engineers.findAllWithCertificates(PageRequest.first())) {
            lines.add("  " + engineer.getName() + " (" + engineer.getSpecialty() + "): "
                    + engineer.getCertificates().stream().map(Certificate::getTitle).toList()
                    + notes.findByEngineerIdOrderById(engineer.getId()).stream().map(n -> " - " + n.getNote()).reduce("", String::concat));
        }
        lines.add("Instructors (certtrack's InstructorRepository):");
        for (Instructor instructor : instructors.findAllWithEngineers(PageRequest.first())) {
            lines.add("  " + instructor.getName() + ": " + instructor.getEngineers().stream().map(Engineer::getName).toList());
        }
        lines.add("Backend engineers (Spring Data): "
                + springEngineers.findBySpecialtyOrderByNameAsc("backend").stream().map(Engineer::getName).toList());
        lines.add("Engineers aged 50 or more (Spring Data): " + springEngineers.countByAgeGreaterThanEqual(50));
        return lines;
    }
}
