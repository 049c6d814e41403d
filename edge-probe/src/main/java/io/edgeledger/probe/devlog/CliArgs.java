package io.edgeledger.probe.devlog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Argument checks shared by the devlog subcommands; failures become one-line messages with exit code 2. */
final class CliArgs {
    static final int EXIT_USAGE = 2;

    /** A bad argument, with the message to print. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private CliArgs() {}

    static Path home(Path home) throws UsageException {
        if (home == null) {
            throw new UsageException("missing required option --home DIR");
        }
        if (!Files.isDirectory(home)) {
            throw new UsageException("--home " + home + ": not a directory");
        }
        return home;
    }

    static Set<String> agents(List<String> agents) throws UsageException {
        Set<String> selected = new LinkedHashSet<>();
        if (agents == null) {
            return selected;
        }
        List<String> known = Sources.agentIds();
        for (String a : agents) {
            for (String one : a.split(",")) {
                if (!known.contains(one)) {
                    throw new UsageException("--agent " + one + ": unknown agent (expected one of " + String.join(", ", known) + ")");
                }
                selected.add(one);
            }
        }
        return selected;
    }
}
