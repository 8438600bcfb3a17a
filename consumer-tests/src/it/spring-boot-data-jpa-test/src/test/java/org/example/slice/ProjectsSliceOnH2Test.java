package org.example.slice;

/** On the embedded H2 database that {@code @DataJpaTest} puts in place of the application's. */
class ProjectsSliceOnH2Test extends ProjectsSliceContract {
}
