package org.kervi.api.userlog;

/** How much an entry matters, from least to most; filters take "this level and above". */
public enum UserLogLevel {
    INFO,
    WARNING,
    ERROR;

    public boolean atLeast(UserLogLevel other) {
        return compareTo(other) >= 0;
    }
}
