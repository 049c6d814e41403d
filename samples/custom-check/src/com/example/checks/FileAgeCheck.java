package com.example.checks;

import io.edgeledger.probe.agent.check.BaseCheck;
import io.edgeledger.probe.agent.check.Sender;
import io.edgeledger.probe.agent.check.ServiceCheck;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigNode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A sample custom check: how old is a file (a backup, a heartbeat)? Sends the gauge {@code file_age.seconds} and
 * the service check {@code file_age.fresh}: OK under {@code max_age_seconds}, CRITICAL over it or when missing.
 * {@code conf.d/file_age.d/conf.yaml}: {@code instances: [{path: /var/backups/db.dump, max_age_seconds: 86400}]}.
 */
public final class FileAgeCheck extends BaseCheck {
    private Path path;
    private long maxAgeSeconds;

    /** ServiceLoader needs a public no-argument constructor; one instance is made per configured instance. */
    public FileAgeCheck() {
        super("file_age");
    }

    @Override
    protected void configureInstance(ConfigNode initConfig, ConfigNode instance) throws ConfigException {
        path = Path.of(instance.requiredString("path"));
        maxAgeSeconds = instance.integer("max_age_seconds", 86_400, 1, Long.MAX_VALUE);
    }

    @Override
    protected void collect(Sender sender) throws Exception {
        List<String> tags = List.of("path:" + path);
        try {
            long ageSeconds = (System.currentTimeMillis() - Files.getLastModifiedTime(path).toMillis()) / 1000;
            sender.gauge("file_age.seconds", ageSeconds, tags);
            boolean fresh = ageSeconds <= maxAgeSeconds;
            sender.serviceCheck("file_age.fresh", fresh ? ServiceCheck.OK : ServiceCheck.CRITICAL, tags,
                    fresh ? "" : path + " is " + ageSeconds + " s old (max " + maxAgeSeconds + " s)");
        } catch (NoSuchFileException e) {
            sender.serviceCheck("file_age.fresh", ServiceCheck.CRITICAL, tags, path + " does not exist");
        }
    }
}
