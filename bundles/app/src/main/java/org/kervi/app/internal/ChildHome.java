package org.kervi.app.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.apache.karaf.instance.core.Instance;

/** A module in a Karaf child instance of its own ({@link Isolation#PROCESS}). */
record ChildHome(Instance instance, boolean ssh) implements ModuleHome {

    @Override
    public String where() {
        return instance.getName();
    }

    @Override
    public int pid() {
        return ChildInstances.pid(instance);
    }

    @Override
    public boolean alive() {
        return ChildInstances.alive(instance);
    }

    @Override
    public Optional<String> failure() {
        return Optional.empty();
    }

    @Override
    public int sshPort() {
        try {
            return ssh ? instance.getSshPort() : 0;
        } catch (RuntimeException e) {
            return 0; // destroyed meanwhile: no port to show
        }
    }

    @Override
    public void stop(int graceSeconds) {
        ChildInstances.stop(instance, graceSeconds);
    }

    @Override
    public void kill(int waitSeconds) {
        ChildInstances.kill(instance, waitSeconds);
    }

    @Override
    public Optional<Path> log() {
        return Optional.of(Paths.get(instance.getLocation(), "data", "log", "karaf.log"));
    }
}
