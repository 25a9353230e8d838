package org.kervi.history.internal;

import java.lang.annotation.Annotation;

/** A {@link HistoryConfig} with the defaults, changed field by field (what ConfigAdmin would hand over). */
class TestConfig implements HistoryConfig {
    String store = "sqlite";
    String file = "";
    String url = "";
    int batchMillis = 1000;
    int queueCapacity = 100_000;
    int rawRetentionDays = 30;
    int rollupRetentionDays = 365;
    String[] retention = {};
    boolean recordByDefault = true;
    String[] include = {};
    String[] exclude = {};

    @Override
    public String store() {
        return store;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String user() {
        return "";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public int batchMillis() {
        return batchMillis;
    }

    @Override
    public int queueCapacity() {
        return queueCapacity;
    }

    @Override
    public int rawRetentionDays() {
        return rawRetentionDays;
    }

    @Override
    public int rollupRetentionDays() {
        return rollupRetentionDays;
    }

    @Override
    public String[] retention() {
        return retention;
    }

    @Override
    public boolean recordByDefault() {
        return recordByDefault;
    }

    @Override
    public String[] include() {
        return include;
    }

    @Override
    public String[] exclude() {
        return exclude;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return HistoryConfig.class;
    }
}
