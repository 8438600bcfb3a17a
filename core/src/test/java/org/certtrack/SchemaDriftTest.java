package org.certtrack;

import java.sql.Connection;

import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;

/** {@link SchemaDriftContract} on the embedded H2 database, and what only H2 can do to a schema. */
class SchemaDriftTest extends SchemaDriftContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }

    @Test
    void aTriggerReCreatedWithAnotherClassStopsStartUp() throws Exception {
        assertStartUpFails(new String[] {
                        "DROP TRIGGER tg_engineers_version",
                        "CREATE TRIGGER tg_engineers_version BEFORE INSERT, UPDATE ON engineers FOR EACH ROW CALL '"
                                + HostTrigger.class.getName() + "'"},
                "trigger tg_engineers_version on engineers calls " + HostTrigger.class.getName()
                        + ", expected org.certtrack.spi.H2RowRules or org.certtrack.internal.H2RowRules");
    }

    /** Another application's trigger, which keeps no version: H2 instantiates it by name. */
    public static final class HostTrigger implements Trigger {

        /** For H2. */
        public HostTrigger() {
        }

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
            // Leaves the row as the writer wrote it.
        }
    }
}
