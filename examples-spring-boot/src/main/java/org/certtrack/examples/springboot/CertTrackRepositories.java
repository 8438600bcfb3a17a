package org.certtrack.examples.springboot;

import jakarta.persistence.EntityManager;

import org.certtrack.CertificateRepository;
import org.certtrack.EngineerRepository;
import org.certtrack.InstructorRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * certtrack's repositories as Spring beans. The {@link EntityManager} Spring injects is its shared one:
 * a thread-safe proxy that acts on the current transaction's persistence context, so one repository
 * bean serves every thread, and {@code @Transactional} decides what commits together.
 */
@Configuration(proxyBeanMethods = false)
class CertTrackRepositories {

    @Bean
    EngineerRepository engineerRepository(EntityManager entityManager) {
        return EngineerRepository.using(entityManager);
    }

    @Bean
    CertificateRepository certificateRepository(EntityManager entityManager) {
        return CertificateRepository.using(entityManager);
    }

    @Bean
    InstructorRepository instructorRepository(EntityManager entityManager) {
        return InstructorRepository.using(entityManager);
    }
}
