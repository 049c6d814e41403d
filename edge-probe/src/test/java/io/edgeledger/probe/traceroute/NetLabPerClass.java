package io.edgeledger.probe.traceroute;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One netlab chain for all tests of a (nested) class: built before the first, removed after the last. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NetLabPerClass {
    protected NetLab lab;

    /** Builds the chain, e.g. {@code NetLab.up(prefix, "--hops", "4", ...)}. */
    abstract NetLab start() throws Exception;

    @BeforeAll
    void up() throws Exception {
        NetLab.assumeRoot();
        lab = start();
    }

    @AfterAll
    void down() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }
}
