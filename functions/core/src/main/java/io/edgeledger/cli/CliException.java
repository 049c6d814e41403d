package io.edgeledger.cli;

/** A CLI failure with its exit code; the message becomes the single stderr line. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException badInput(String message) {
        return new CliException(LedgerCli.BAD_INPUT, message);
    }

    static CliException failed(String message) {
        return new CliException(LedgerCli.NEGATIVE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
