package org.certtrack.spring.internal;

import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.certtrack.spi.Integration;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

/**
 * Keeps Hibernate's schema generation ({@code spring.jpa.hibernate.ddl-auto}, Boot's {@code create-drop} on an
 * embedded database) away from certtrack's tables and sequences, which its migrations made: Hibernate creates,
 * drops, truncates and updates the application's own tables as it would without certtrack, and validates
 * everything when asked to.
 *
 * <p>Hibernate 7 offers no public way to exclude one entity from schema management, so this is the one place
 * where certtrack uses a Hibernate SPI ({@code hibernate.hbm2ddl.schema_filter_provider}, whose types are in
 * {@code org.hibernate.tool.schema.spi}). It names tables and sequences only, read from certtrack's own
 * {@code @Table} and {@code @SequenceGenerator} annotations.
 */
public final class CertTrackSchemaFilter implements SchemaFilterProvider {

    private static final Set<String> TABLES = new HashSet<>();
    private static final Set<String> SEQUENCES = new HashSet<>();

    static {
        for (Class<?> entity : Integration.entityClasses()) {
            TABLES.add(entity.getAnnotation(Table.class).name().toLowerCase(Locale.ROOT));
            for (Field field : entity.getDeclaredFields()) {
                SequenceGenerator sequence = field.getAnnotation(SequenceGenerator.class);
                if (sequence != null) {
                    SEQUENCES.add(sequence.sequenceName().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** Everything but certtrack's tables and sequences. */
    private static final SchemaFilter ALL_BUT_CERTTRACKS = new SchemaFilter() {
        @Override
        public boolean includeNamespace(Namespace namespace) {
            return true;
        }

        @Override
        public boolean includeTable(org.hibernate.mapping.Table table) {
            return !isCertTracks(table);
        }

        @Override
        public boolean includeSequence(Sequence sequence) {
            return !SEQUENCES.contains(sequence.getName().getSequenceName().getText().toLowerCase(Locale.ROOT));
        }
    };

    /** Whether {@code table} is one of certtrack's, which only its migrations create and change. */
    static boolean isCertTracks(org.hibernate.mapping.Table table) {
        return TABLES.contains(table.getName().toLowerCase(Locale.ROOT));
    }

    @Override
    public SchemaFilter getCreateFilter() {
        return ALL_BUT_CERTTRACKS;
    }

    @Override
    public SchemaFilter getDropFilter() {
        return ALL_BUT_CERTTRACKS;
    }

    @Override
    public SchemaFilter getTruncatorFilter() {
        return ALL_BUT_CERTTRACKS;
    }

    @Override
    public SchemaFilter getMigrateFilter() {
        return ALL_BUT_CERTTRACKS;
    }

    @Override
    public SchemaFilter getValidateFilter() {
        return SchemaFilter.ALL;
    }
}
