package org.kervi.api.schedules;

/** Whether a schedule runs its action. */
public enum ScheduleState {
    /** Waiting for its next fire time. */
    ACTIVE,
    /** Its configuration was refused (the error says why); it never fires. */
    REFUSED
}
