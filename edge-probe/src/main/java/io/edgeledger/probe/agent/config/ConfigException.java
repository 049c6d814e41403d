package io.edgeledger.probe.agent.config;

import java.nio.file.Path;

/** A configuration error that names the file, the line (1-based, 0 when unknown) and the field. */
public final class ConfigException extends Exception {
    private final Path file;
    private final int line;
    private final String field;
    private final String reason;

    public ConfigException(Path file, int line, String field, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null || field.isEmpty() ? "" : field + ": ")
                + reason);
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
