package org.certtrack.spring.app;

import java.util.List;

import org.certtrack.Certificate;
import org.certtrack.CertificateRepository;
import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.Instructor;
import org.certtrack.InstructorRepository;
import org.certtrack.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The application's logic: certtrack's repositories and its own, in Spring transactions. */
@Service
public class Team {

    private final EngineerRepository engineers;
    private final CertificateRepository certificates;
    private final InstructorRepository instructors;
    private final EngineerSpringDataRepository springEngineers;
    private final NoteRepository notes;

    Team(EngineerRepository engineers, CertificateRepository certificates, InstructorRepository instructors,
         EngineerSpringDataRepository springEngineers, NoteRepository notes) {
        this.engineers = engineers;
        this.certificates = certificates;
        this.instructors = instructors;
        this.springEngineers = springEngineers;
        this.notes = notes;
    }

    /** Hires an engineer certified by the instructor, with a note; returns the engineer's id. */
    @Transactional
    public long hire(String name, String specialty, String instructorName, String note) {
        Engineer engineer = new Engineer(name, specialty, 30);
        new Instructor(instructorName).addCertificate(engineer.addCertificate(new Certificate("AWS", 2030)));
        long id = engineers.add(engineer).getId();
        notes.save(new Note(id, note));
        return id;
    }

    /** The names of the engineers with this specialty, through Spring Data, with the notes about each. */
    @Transactional(readOnly = true)
    public List<String> describe(String specialty) {
        return springEngineers.findBySpecialty(specialty).stream()
                .map(engineer -> engineer.getName() + ": " + notes.findByEngineerId(engineer.getId()).stream()
                        .map(Note::getText).toList())
                .toList();
    }

    /** How many certificates each engineer with this specialty holds, their lazy collections loaded one by one. */
    @Transactional(readOnly = true)
    public List<Integer> certificateCounts(String specialty) {
        return engineers.findBySpecialty(specialty, PageRequest.first()).stream()
                .map(engineer -> engineer.getCertificates().size())
                .toList();
    }

    /** The first page of instructors with the names of their engineers. */
    @Transactional(readOnly = true)
    public List<String> instructorsWithEngineers() {
        return instructors.findAllWithEngineers(PageRequest.first()).stream()
                .map(instructor -> instructor.getName() + ": " + instructor.getEngineers().stream().map(Engineer::getName).toList())
                .toList();
    }

    /** Counts the engineers, runs {@code meanwhile}, then counts them again, in one transaction. */
    @Transactional
    public long countTwice(Runnable meanwhile) {
        engineers.count();
        meanwhile.run();
        return engineers.count();
    }

    /** Reads the engineer, runs {@code meanwhile}, then renames the engineer. */
    @Transactional
    public void renameEngineer(long id, String name, Runnable meanwhile) {
        Engineer engineer = engineers.getById(id);
        meanwhile.run();
        engineer.setName(name);
    }

    /** Renames the engineer and rewrites their note (read before {@code meanwhile} runs), in one transaction. */
    @Transactional
    public void renameWithNote(long engineerId, String name, String note, Runnable meanwhile) {
        Engineer engineer = engineers.getById(engineerId);
        Note written = notes.findByEngineerId(engineerId).get(0);
        meanwhile.run();
        engineer.setName(name);
        written.setText(note);
    }

    /** Rewrites the engineer's note in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void rewriteNote(long engineerId, String note) {
        notes.findByEngineerId(engineerId).get(0).setText(note);
    }

    /** Reads the certificate, runs {@code meanwhile}, then renames it. */
    @Transactional
    public void retitleCertificate(long id, String title, Runnable meanwhile) {
        Certificate certificate = certificates.getById(id);
        meanwhile.run();
        certificate.setTitle(title);
    }

    /** Reads the instructor, runs {@code meanwhile}, then renames the instructor. */
    @Transactional
    public void renameInstructor(long id, String name, Runnable meanwhile) {
        Instructor instructor = instructors.getById(id);
        meanwhile.run();
        instructor.setName(name);
    }

    /** Runs {@code work} in a transaction of its own, committed when it returns. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void inNewTransaction(Runnable work) {
        work.run();
    }
}
