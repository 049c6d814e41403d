package io.edgeledger.cdc.local;

import io.edgeledger.cdc.CdcStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@link CdcMain} in-process with a test stack's settings (its run(...) is package-private). */
public final class CdcMainAccess {
    private CdcMainAccess() {}

    public static int run(String[] args, CdcStack stack, ByteArrayOutputStream out) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return CdcMain.run(args, print, print, stack.settings());
    }
}
