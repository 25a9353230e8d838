package org.kervi.history.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Kervi value history",
        description = "Records value changes (local and remote, as this instance sees them) into SQLite or PostgreSQL;"
                + " serves downsampled history and the kept state of persisted values")
public @interface HistoryConfig {

    @AttributeDefinition(description = "Where history is stored: sqlite (a file, the default) or postgresql (url,"
            + " user, password)", options = {@Option(label = "SQLite file", value = "sqlite"),
                    @Option(label = "PostgreSQL server", value = "postgresql")})
    String store() default "sqlite";

    @AttributeDefinition(description = "SQLite database file; empty: ${karaf.data}/kervi/history.db")
    String file() default "";

    @AttributeDefinition(description = "PostgreSQL JDBC url, e.g. jdbc:postgresql://127.0.0.1:5432/kervi"
            + " (only for store = postgresql)")
    String url() default "";

    @AttributeDefinition(description = "PostgreSQL user", required = false)
    String user() default "";

    @AttributeDefinition(description = "PostgreSQL password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(description = "Batch window in milliseconds: changes are written together, in one"
            + " transaction, at most this often (fewer writes on an SD card)")
    int batchMillis() default 1000;

    @AttributeDefinition(description = "Most changes waiting to be written; more are dropped and counted (see"
            + " kervi:history-status) while the store is slow or failing")
    int queueCapacity() default 100_000;

    @AttributeDefinition(description = "Days raw changes are kept (longer ranges are served from the 1-minute"
            + " rollups)")
    int rawRetentionDays() default 30;

    @AttributeDefinition(description = "Days the 1-minute rollups (min / max / average) are kept")
    int rollupRetentionDays() default 365;

    @AttributeDefinition(description = "Raw retention per id pattern, e.g. sensors.*=7d, cpu_*=48h (units d, h,"
            + " m); the first matching pattern wins", required = false)
    String[] retention() default {};

    @AttributeDefinition(description = "Record values that say nothing about it (Value.log) and match no include"
            + " or exclude pattern")
    boolean recordByDefault() default true;

    @AttributeDefinition(description = "Id patterns (glob: * any text, ? one character) always recorded, whatever"
            + " the value declares", required = false)
    String[] include() default {};

    @AttributeDefinition(description = "Id patterns never recorded, whatever the value declares (persisted values"
            + " are recorded anyway); exclude wins over include", required = false)
    String[] exclude() default {};
}
