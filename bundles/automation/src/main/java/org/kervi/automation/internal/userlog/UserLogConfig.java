package org.kervi.automation.internal.userlog;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = UserLogConfig.PID, name = "Kervi user log",
        description = "The user log: what an operator should read (ranges entered, modules restarted, actions"
                + " failed), kept in a bounded file under the instance's data folder")
public @interface UserLogConfig {
    String PID = "org.kervi.automation.userlog";

    @AttributeDefinition(name = "Entries kept", description = "The newest this many entries are kept (10..1000000)")
    int maxEntries() default 10000;

    @AttributeDefinition(name = "File", description = "Where the entries are kept (JSON lines); empty for"
            + " ${karaf.data}/kervi/userlog.jsonl")
    String file() default "";

    @AttributeDefinition(name = "Rate limit: entries", description = "At most this many entries per source and"
            + " level within the window; the rest are counted and reported in one entry when the window ends (1..1000)")
    int rateLimitEntries() default 5;

    @AttributeDefinition(name = "Rate limit: window (seconds)", description = "The rate limit's window (1..86400)")
    int rateLimitWindowSeconds() default 60;

    @AttributeDefinition(name = "Actions logged", description = "Ids of actions whose start, end and failure are"
            + " logged (off by default for every action); * at the end matches any suffix, e.g. fan_controller.*")
    String[] actionsLogged() default {};
}
