package org.certtrack.seed;

import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.datafaker.Faker;
import org.certtrack.seed.internal.RowSource;

/**
 * The rows of a {@link DataSet} for one random seed, generated lazily, table by table. Every table draws
 * from its own {@link Random} derived from the seed, so each can be generated (and regenerated) on its
 * own, and the same seed always gives the same rows. Ids are base + 1 to base + n in each table, the
 * bases given by {@link IdBases} (all 0 on a fresh database); foreign keys follow their table's base.
 */
final class RowGenerator {

    private static final int NAME_POOL = 256;
    // Odd constants that spread one seed into independent streams (the golden-ratio increment of SplitMix64).
    private static final long STREAM = 0x9E3779B97F4A7C15L;

    private final DataSet dataSet;
    private final long seed;
    private final IdBases bases;

    RowGenerator(DataSet dataSet, long seed, IdBases bases) {
        this.dataSet = dataSet;
        this.seed = seed;
        this.bases = bases;
    }

    /**
     * What each table's ids start after: the rows get ids {@code base + 1} and up.
     *
     * @param instructors the base of the instructors' ids
     * @param engineers   the base of the engineers' ids
     * @param certificates the base of the certificates' ids
     */
    record IdBases(long instructors, long engineers, long certificates) {

        /** Ids from 1 in every table. */
        static final IdBases NONE = new IdBases(0, 0, 0);
    }

    /** The tables in the order they must be written (parents first). */
    List<RowSource> tables() {
        return List.of(instructors(), engineers(), certificates());
    }

    private Random random(int stream) {
        return new Random(seed + stream * STREAM);
    }

    private static Faker faker(Random random) {
        return new Faker(Locale.ENGLISH, random);
    }

    RowSource instructors() {
        Faker faker = faker(random(1));
        return new Source("instructors", new String[] {"id", "name"}, new int[] {Types.BIGINT, Types.VARCHAR},
                dataSet.instructors()) {
            @Override
            Object[] row(long id) {
                return new Object[] {bases.instructors() + id, faker.name().fullName()};
            }
        };
    }

    RowSource engineers() {
        Random random = random(2);
        Faker faker = faker(random);
        String[] firstNames = new String[NAME_POOL];
        String[] lastNames = new String[NAME_POOL];
        if (!dataSet.drawsEveryName()) {
            // A large data set combines names from a pool: Datafaker per row would dominate the time.
            for (int i = 0; i < NAME_POOL; i++) {
                firstNames[i] = faker.name().firstName();
                lastNames[i] = faker.name().lastName();
            }
        }
        List<String> specialties = DataSet.SPECIALTIES;
        return new Source("engineers", new String[] {"id", "name", "specialty", "age"},
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.INTEGER}, dataSet.engineers()) {
            @Override
            Object[] row(long id) {
                String name = dataSet.drawsEveryName() ? faker.name().fullName()
                        : firstNames[random.nextInt(NAME_POOL)] + " " + lastNames[random.nextInt(NAME_POOL)];
                String specialty = specialties.get(random.nextInt(specialties.size()));
                int age = DataSet.MIN_AGE + random.nextInt(DataSet.MAX_AGE - DataSet.MIN_AGE + 1);
                return new Object[] {bases.engineers() + id, name, specialty, age};
            }
        };
    }

    RowSource certificates() {
        Random random = random(3);
        List<String> titles = DataSet.TITLES;
        int perEngineer = dataSet.certificatesPerEngineer();
        int instructors = dataSet.instructors();
        return new Source("certificates", new String[] {"id", "title", "expiration_year", "engineer_id", "instructor_id"},
                new int[] {Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.BIGINT, Types.BIGINT},
                dataSet.certificates()) {
            @Override
            Object[] row(long id) {
                String title = titles.get(random.nextInt(titles.size()));
                int year = DataSet.FIRST_EXPIRATION_YEAR
                        + random.nextInt(DataSet.LAST_EXPIRATION_YEAR - DataSet.FIRST_EXPIRATION_YEAR + 1);
                long engineer = perEngineer > 0 ? (id - 1) / perEngineer + 1 : 1 + random.nextInt(dataSet.engineers());
                Long instructor = instructors > 0 && random.nextInt(4) != 0 ? (Long) (1L + random.nextInt(instructors)) : null;
                return new Object[] {bases.certificates() + id, title, year, bases.engineers() + engineer,
                        instructor == null ? null : bases.instructors() + instructor};
            }
        };
    }

    /** A table whose rows are made one by one, numbered from 1 (before the table's base is added). */
    private abstract static class Source implements RowSource {

        private final String table;
        private final String[] columns;
        private final int[] sqlTypes;
        private final long rows;
        private long lastId;

        Source(String table, String[] columns, int[] sqlTypes, long rows) {
            this.table = table;
            this.columns = columns;
            this.sqlTypes = sqlTypes;
            this.rows = rows;
        }

        abstract Object[] row(long id);

        @Override
        public String table() {
            return table;
        }

        @Override
        public String[] columns() {
            return columns.clone();
        }

        @Override
        public int[] sqlTypes() {
            return sqlTypes.clone();
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public Object[] next() {
            if (lastId == rows) {
                throw new IllegalStateException("all " + rows + " rows of " + table + " were generated");
            }
            return row(++lastId);
        }
    }
}
