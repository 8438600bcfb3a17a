package org.example.bootapp;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Staffs projects with certtrack's engineers, in Spring transactions. */
@Service
public class Staffing {

    private final EngineerRepository engineers;
    private final ProjectRepository projects;

    public Staffing(EngineerRepository engineers, ProjectRepository projects) {
        this.engineers = engineers;
        this.projects = projects;
    }

    /** Hires a certified engineer and makes them the lead of a new project; returns the engineer's id. */
    @Transactional
    public long startProject(String project, String lead) {
        Engineer engineer = new Engineer(lead, "backend", 35);
        engineer.addCertificate(new Certificate("AWS", 2030));
        long id = engineers.add(engineer).getId();
        projects.save(new Project(project, id));
        return id;
    }

    /** How many engineers (certtrack's repository) and projects (the application's) there are, as "engineers/projects". */
    @Transactional(readOnly = true)
    public String counts() {
        return engineers.count() + "/" + projects.count();
    }

    /** Reads the engineer, runs {@code meanwhile}, then renames the engineer. */
    @Transactional
    public void rename(long id, String name, Runnable meanwhile) {
        Engineer engineer = engineers.getById(id);
        meanwhile.run();
        engineer.setName(name);
    }

    /** Changes the engineer's age in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void setAge(long id, int age) {
        engineers.getById(id).setAge(age);
    }
}
