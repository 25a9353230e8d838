package org.kervi.devices.system.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/** Space in use on the file store with the longest mount point that contains the path. */
final class DiskUsedDriver extends PercentDriver {
    private final FileSystem fileSystem;
    private final Path path;

    DiskUsedDriver(FileSystem fileSystem, String path) {
        this.fileSystem = fileSystem;
        this.path = Paths.get(path).toAbsolutePath().normalize();
    }

    @Override
    public double read() {
        OSFileStore best = null;
        for (OSFileStore store : fileSystem.getFileStores(true)) {
            String mount = store.getMount();
            if (mount != null && !mount.isEmpty() && path.startsWith(mount)
                    && (best == null || mount.length() > best.getMount().length())) {
                best = store;
            }
        }
        if (best == null || best.getTotalSpace() <= 0) {
            throw new IllegalStateException("no file store found for " + path);
        }
        return 100.0 * (best.getTotalSpace() - best.getUsableSpace()) / best.getTotalSpace();
    }

    @Override
    public String type() {
        return "disk";
    }
}
