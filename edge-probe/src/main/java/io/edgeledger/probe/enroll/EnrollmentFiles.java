package io.edgeledger.probe.enroll;

import io.edgeledger.probe.agent.config.ConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * What enrollment leaves in the config directory: {@code secret} (0640, group edge-probe: the daemon's user reads it,
 * nobody else) and {@code enrollment.yaml} (probe id, API, secret file). Each is written to a temporary file first and
 * moved into place, so a crash leaves the old enrollment or the new one, never half of one.
 */
final class EnrollmentFiles {
    static final String SECRET = "secret";
    static final String GROUP = "edge-probe";

    private EnrollmentFiles() {}

    static boolean enrolled(Path dir) {
        return Files.isRegularFile(dir.resolve(SECRET)) && Files.isRegularFile(dir.resolve(ConfigLoader.ENROLLMENT_FILE));
    }

    static void write(Path dir, URI api, String probeId, String secret) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(SECRET), secret + "\n");
        String yaml = "# Written by 'edge-probe enroll'; enroll again (--force) rather than editing it.\n"
                + "backend_url: " + api + "\n"
                + "probe_id: " + probeId + "\n"
                + "secret_file: " + SECRET + "\n";
        writeAtomically(dir.resolve(ConfigLoader.ENROLLMENT_FILE), yaml);
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        shareWithProbeGroup(tmp);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** 0640 root:edge-probe when that group exists (the package made it); 0600 for whoever runs this otherwise. */
    private static void shareWithProbeGroup(Path file) throws IOException {
        GroupPrincipal group;
        try {
            group = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(GROUP);
        } catch (UserPrincipalNotFoundException e) {
            return;
        }
        Files.getFileAttributeView(file, PosixFileAttributeView.class).setGroup(group);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    }
}
