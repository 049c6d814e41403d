package io.edgeledger.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A deployment package unpacked as Lambda unpacks it into /var/task: files, directories and symbolic links, with the
 * Unix permissions the zip records (a custom runtime's bootstrap and its JDK's launchers must stay executable) and its
 * modification times (a JVM AOT cache is used only with the jar times it was trained with; an extended-timestamp field
 * is read exactly). The JDK's own zip reader exposes neither the modes nor that field, hence Commons Compress.
 */
final class FunctionZip {
    private FunctionZip() {
    }

    static void unpack(Path zip, Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
                for (Enumeration<ZipArchiveEntry> e = zf.getEntries(); e.hasMoreElements(); ) {
                    ZipArchiveEntry entry = e.nextElement();
                    Path target = dir.resolve(entry.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IOException("zip entry " + entry.getName() + " escapes the task root");
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zf.getInputStream(entry)) {
                        if (entry.isUnixSymlink()) {
                            Files.createSymbolicLink(target, Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                            continue;
                        }
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX && (entry.getUnixMode() & 0777) != 0) {
                        Files.setPosixFilePermissions(target, permissions(entry.getUnixMode()));
                    }
                    Files.setLastModifiedTime(target, entry.getLastModifiedTime());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + dir, e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
