package io.edgeledger.probe.traceroute.net;

/** Whether stdout is a terminal (System.console() cannot tell on JDK 22+, where it is never null). */
public final class Terminal {
    private Terminal() {}

    public static boolean stdoutIsTerminal() {
        try {
            return LibC.isatty(1) == 1;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return false;
        }
    }
}
