package io.edgeledger.probe.build;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar manifest; "dev" when run from classes. */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"edge-probe " + current()};
    }
}
