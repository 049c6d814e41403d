package io.edgeledger.probe.devlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backfill progress bar: redrawn in place on a terminal, plain lines otherwise; files and bytes in both. */
class BackfillProgressTest {
    @TempDir
    Path tmp;

    @Test
    void terminalBarIsRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BackfillProgress progress = new BackfillProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 4, 2_000_000);
        progress.update(1, 500_000);
        progress.done(4, 2_000_000, 10, 1);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rdevlog backfill [").contains("1/4 files").contains("0.5 MB/2.0 MB").contains("100%")
                .contains("devlog: backfill done: 4 files, 2.0 MB, 10 events, 1 warnings");
    }

    @Test
    void plainLinesWhenNotATerminal() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DevlogCollector.Options options = DevlogCollector.Options.defaults().withMachine(null)
                .withProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8)).withWarnings(w -> { });
        try (DevlogCollector collector = new DevlogCollector(SharedData.resolve("fixtures/agent-logs/home"), tmp.resolve("state"),
                Set.of(), new CollectingSink(), options)) {
            collector.backfill();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        if (!BackfillProgress.stderrIsTerminal()) { // surefire's stderr is a pipe; a terminal gets the redrawn bar
            assertThat(out).doesNotContain("\r").containsPattern("devlog: backfill \\d+%: 1/11 files, 0\\.0 MB/0\\.2 MB\n");
        }
        assertThat(out).contains("devlog: backfill done: 11 files, 0.2 MB, 218 events, 0 warnings");
    }
}
