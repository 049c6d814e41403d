package io.edgeledger.probe.enroll;

import io.edgeledger.probe.build.Version;
import io.edgeledger.probe.agent.RunCommand;
import io.edgeledger.probe.agent.config.ConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edge-probe enroll --api URL --token TOKEN}: trades a single-use enrollment token for this host's probe id and
 * secret, writes them to the config directory, and starts the service when systemd runs. Exit 0 enrolled, 1 refused or
 * failed (the API's message is printed), 2 bad usage, 3 already enrolled (nothing changed; --force to enroll again).
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enroll this host with an enrollment token: writes the secret and probe id, starts the service.")
public final class EnrollCommand implements Callable<Integer> {
    static final String TOKEN_ENV = "EDGELEDGER_ENROLL_TOKEN";

    @Option(names = "--api", required = true, paramLabel = "URL", description = "the EdgeLedger API (https://...)")
    String api;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "the enrollment token (elt_...); default: $" + TOKEN_ENV + " (keeps it off the process list)")
    String token;

    @Option(names = "--name", paramLabel = "NAME", description = "probe name (default: the hostname; the token may add a prefix)")
    String name;

    @Option(names = "--tag", paramLabel = "KEY:VALUE", description = "a tag for every series of this probe (repeatable)")
    List<String> tags = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "DIR", description = "config directory (default: ${DEFAULT-VALUE})")
    Path config = RunCommand.DEFAULT_CONFIG;

    @Option(names = "--force", description = "enroll again even though this host is enrolled (a new probe id)")
    boolean force;

    @Option(names = "--no-start", description = "do not start the service")
    boolean noStart;

    @Override
    public Integer call() throws InterruptedException {
        String secretToken = token != null ? token : System.getenv(TOKEN_ENV);
        if (secretToken == null || secretToken.isBlank()) {
            return usage("no token: pass --token TOKEN or set " + TOKEN_ENV);
        }
        URI apiUri;
        try {
            apiUri = EnrollClient.checkedApi(api);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        for (String tag : tags) {
            if (!tag.matches("[^:\\s]+:\\S.*")) {
                return usage("--tag must look like key:value, got '" + tag + "'");
            }
        }
        if (!Files.isDirectory(config)) {
            System.err.println("edge-probe enroll: " + config + " does not exist (is the edge-probe package installed?)");
            return 1;
        }
        if (EnrollmentFiles.enrolled(config) && !force) {
            System.err.println("edge-probe enroll: already enrolled (" + config.resolve("enrollment.yaml")
                    + "); nothing changed. Use --force to enroll this host again as a new probe.");
            return 3;
        }
        String hostname = ConfigLoader.defaultHostname();
        EnrollClient.Identity identity;
        try {
            identity = EnrollClient.exchange(apiUri, secretToken.trim(), hostname, Version.current(), name, tags);
        } catch (EnrollClient.EnrollException e) {
            System.err.println("edge-probe enroll: " + (e.status > 0 ? "refused (HTTP " + e.status + ", " + e.code + "): " : "")
                    + e.getMessage());
            return 1;
        }
        try {
            EnrollmentFiles.write(config, apiUri, identity.probeId(), identity.secret());
        } catch (IOException e) {
            System.err.println("edge-probe enroll: enrolled as " + identity.probeId() + " but could not write " + config
                    + ": " + e.getMessage() + " (run as root; the token is spent: ask for a new one)");
            return 1;
        }
        System.out.println("edge-probe enroll: enrolled as " + identity.probeId() + " (" + identity.name() + "), reporting to "
                + apiUri + "; secret in " + config.resolve(EnrollmentFiles.SECRET));
        if (!noStart) {
            startService();
        }
        return 0;
    }

    /** systemd only: enable and (re)start the unit. Elsewhere the operator's init system starts the daemon. */
    private static void startService() throws InterruptedException {
        if (!Files.isDirectory(Path.of("/run/systemd/system"))) {
            System.out.println("edge-probe enroll: systemd is not running; start the daemon with your init system: "
                    + "edge-probe run --config /etc/edge-probe");
            return;
        }
        try {
            Process p = new ProcessBuilder("systemctl", "enable", "--now", "edge-probe.service").inheritIO().start();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            if (done && p.exitValue() == 0) {
                new ProcessBuilder("systemctl", "restart", "edge-probe.service").inheritIO().start().waitFor(60, TimeUnit.SECONDS);
                System.out.println("edge-probe enroll: service started (systemctl status edge-probe)");
            } else {
                System.err.println("edge-probe enroll: 'systemctl enable --now edge-probe' failed; see journalctl -u edge-probe");
            }
        } catch (IOException e) {
            System.err.println("edge-probe enroll: cannot run systemctl: " + e.getMessage());
        }
    }

    private static int usage(String message) {
        System.err.println("edge-probe enroll: " + message + " (try 'edge-probe enroll --help')");
        return 2;
    }
}
