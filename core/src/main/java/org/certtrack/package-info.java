/**
 * certtrack: engineers, the certifications they hold and the instructors who issued them.
 *
 * <p>Start with {@link org.certtrack.CertTrack}, which hands you a migrated database and units of work
 * over the repositories {@link org.certtrack.EngineerRepository}, {@link org.certtrack.CertificateRepository}
 * and {@link org.certtrack.InstructorRepository}. The entities are {@link org.certtrack.Engineer},
 * {@link org.certtrack.Certificate} (the link between an engineer and an instructor) and
 * {@link org.certtrack.Instructor}.
 */
// Hibernate Processor fails the compilation on any named query that does not match the mappings.
@CheckHQL
package org.certtrack;

import org.hibernate.annotations.processing.CheckHQL;
