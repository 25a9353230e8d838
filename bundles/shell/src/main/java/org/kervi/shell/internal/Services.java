package org.kervi.shell.internal;

import org.kervi.api.hardware.HardwareStatus;
import org.kervi.api.hardware.MockPins;
import org.kervi.api.history.ValueHistory;
import org.kervi.api.messaging.MessagingChannels;
import org.kervi.api.schedules.ScheduleService;
import org.kervi.api.status.ApplicationModules;
import org.kervi.api.status.DashboardStreams;
import org.kervi.api.status.InstanceKeys;
import org.kervi.api.userlog.UserLog;

/**
 * The optional services some commands need. Every kervi:* command lives in this bundle, and Karaf registers a
 * bundle's commands only once all their mandatory references are there, so these are optional references and a
 * command without its service says what is missing.
 */
final class Services {
    private Services() {}

    static ApplicationModules modules(ApplicationModules modules) {
        if (modules == null) {
            throw new IllegalStateException("this instance runs no application: the kervi-app feature and an"
                    + " org.kervi.app configuration (etc/org.kervi.app.cfg) make the root of one");
        }
        return modules;
    }

    static InstanceKeys instanceKeys(InstanceKeys keys) {
        if (keys == null) {
            throw new IllegalStateException("this instance holds no master secret: instance keys are issued by the"
                    + " root of the application (org.kervi.ipc role=hub, feature kervi-ipc)");
        }
        return keys;
    }

    static DashboardStreams dashboard(DashboardStreams dashboard) {
        if (dashboard == null) {
            throw new IllegalStateException("the dashboard is not running in this instance (feature kervi-dashboard)");
        }
        return dashboard;
    }

    static UserLog userLog(UserLog userLog) {
        if (userLog == null) {
            throw new IllegalStateException("the user log is not running in this instance (feature"
                    + " kervi-automation; a refused org.kervi.automation.userlog configuration is named in the log)");
        }
        return userLog;
    }

    static ValueHistory history(ValueHistory history) {
        if (history == null) {
            throw new IllegalStateException("the value history is not running in this instance (feature"
                    + " kervi-history; a refused org.kervi.history configuration is named in the log)");
        }
        return history;
    }

    static HardwareStatus hardware(HardwareStatus hardware) {
        if (hardware == null) {
            throw new IllegalStateException("no hardware in this instance: feature:install kervi-devices-pi4j (a"
                    + " platform that cannot start, set in pid org.kervi.hardware, is named in the log)");
        }
        return hardware;
    }

    static MockPins mockPins(MockPins pins) {
        if (pins == null) {
            throw new IllegalStateException("no hardware in this instance: feature:install kervi-devices-pi4j"
                    + " (mock pins exist only on the mock platform)");
        }
        return pins;
    }

    static ScheduleService schedules(ScheduleService schedules) {
        if (schedules == null) {
            throw new IllegalStateException("no scheduler in this instance: feature:install kervi-automation");
        }
        return schedules;
    }

    static MessagingChannels messaging(MessagingChannels channels) {
        if (channels == null) {
            throw new IllegalStateException("messaging is not running in this instance: feature:install"
                    + " kervi-messaging, then configure channels (factory pids org.kervi.messaging.email,"
                    + " org.kervi.messaging.webhook)");
        }
        return channels;
    }
}
