package io.edgeledger.api.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.LedgerFixture;
import io.edgeledger.api.support.SignedProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * bench/console: the console's first render with 1,000 batches and 100 probes, measured in the browser (Navigation
 * Timing plus the console's own {@code console:first-render} mark, set when a page has drawn its data). Not a test:
 * it runs only with {@code -Dconsole.bench=true} (bench/console/run.sh) and prints its numbers; it asserts nothing
 * about time, which only a quiet machine can judge.
 */
@QuarkusTest
@QuarkusTestResource(value = io.edgeledger.api.support.ApiTestResources.class, restrictToAnnotatedClass = false)
class ConsoleFirstRenderBench {
    private static final int PROBES = Integer.getInteger("console.bench.probes", 100);
    private static final int BATCHES = Integer.getInteger("console.bench.batches", 1000);
    private static final int RUNS = Integer.getInteger("console.bench.runs", 7);

    @Test
    void firstRender() throws Exception {
        assumeTrue(Boolean.getBoolean("console.bench"), "bench only: run bench/console/run.sh");
        assumeTrue(Browser.available(), "needs chromium and chromium-driver");
        System.out.println("console-bench: assets " + assetSizes());
        long now = java.time.Instant.now().getEpochSecond();
        for (int i = 0; i < PROBES; i++) { // each with a check run and a self-report, so every column of the list has data
            SignedProbe probe = SignedProbe.enroll("bench-probe-" + i);
            probe.post("/v1/ingest/check-runs", io.edgeledger.api.support.Payloads.checkRuns(io.edgeledger.api.support.Payloads.batchId(), now - 30));
            probe.post("/v1/ingest/metrics", io.edgeledger.api.support.Payloads.selfReport(io.edgeledger.api.support.Payloads.batchId(), now - 15, "bench", i % 3));
        }
        List<io.edgeledger.ledger.batch.BatchEntry> entries = LedgerFixture.entries("etrap.public.orders", 1_700_000_000_000L);
        int written = 0;
        try (var s3 = Api.s3()) { // one client for all the writes; a write that fails under load is retried, then counted
            var store = new io.edgeledger.ledger.store.s3.S3LedgerStore(s3, io.edgeledger.api.support.ApiTestResources.LEDGER_BUCKET);
            for (int i = 0; i < BATCHES; i++) { // distinct entry ids give distinct batch ids
                List<io.edgeledger.ledger.batch.BatchEntry> shifted = new ArrayList<>();
                for (var e : entries) {
                    shifted.add(new io.edgeledger.ledger.batch.BatchEntry(e.entryId().replaceFirst("^\\d+", Long.toString(1_700_000_000_000L + i * 1000L)), e.outcome()));
                }
                var sealed = LedgerFixture.seal("etrap.public.orders", shifted);
                for (int attempt = 1; attempt <= 3; attempt++) {
                    try {
                        store.writeBatch(sealed);
                        written++;
                        break;
                    } catch (RuntimeException e) {
                        System.out.printf("console-bench: batch %d attempt %d failed: %s%n", i, attempt, e.getMessage());
                    }
                }
            }
        }
        System.out.printf("console-bench: wrote %d of %d batches%n", written, BATCHES);
        var bridge = io.edgeledger.api.local.LocalHttpMode.bridge("127.0.0.1", 0, 29_000); // as ./edgeledger up serves it
        int port = bridge.getAddress().getPort();
        String base = "http://127.0.0.1:" + port;
        // through the bridge, as the browser calls it: Quarkus' mock event server did not deliver a 100-batch answer
        // (the client's read timed out with the API's 200 logged)
        int listed = 0;
        String cursor = "";
        do {
            var page = Api.operator().baseUri("http://127.0.0.1").port(port).queryParam("limit", 100).queryParam("cursor", cursor).get("/v1/ledger/batches").jsonPath();
            listed += page.getList("batches").size();
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        System.out.printf("console-bench: seeded %d probes, %d batches (API lists %d)%n", PROBES, BATCHES, listed);
        try (Browser browser = new Browser(base)) {
            browser.open("");
            browser.script("sessionStorage.setItem('edgeledger.operatorKey', arguments[0])", Api.operatorKey());
            for (String page : List.of("#/probes", "#/ledger")) {
                List<Map<String, Object>> samples = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    browser.driver.get("about:blank");
                    browser.open(page);
                    browser.until(d -> (Boolean) browser.script("return performance.getEntriesByName('console:first-render').length > 0"));
                    browser.waitFor(By.cssSelector("#page table"));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> t = (Map<String, Object>) browser.script("""
                            const n = performance.getEntriesByType('navigation')[0];
                            const r = performance.getEntriesByName('console:first-render')[0];
                            const bytes = performance.getEntriesByType('resource').reduce((s, e) => s + (e.transferSize || 0), n.transferSize || 0);
                            return {ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, firstRender: r.startTime,
                              rows: document.querySelectorAll('#page tbody tr').length, bytes};""");
                    samples.add(t);
                    System.out.printf("console-bench: %s run %d %s%n", page, run + 1, t);
                }
                double[] first = samples.stream().skip(1).mapToDouble(s -> ((Number) s.get("firstRender")).doubleValue()).sorted().toArray();
                System.out.printf("console-bench: %s first render median %.0f ms (min %.0f, max %.0f) over %d warm runs; first (cold) run %.0f ms%n",
                        page, first[first.length / 2], first[0], first[first.length - 1], first.length,
                        ((Number) samples.get(0).get("firstRender")).doubleValue());
            }
        } finally {
            bridge.stop(0);
        }
    }

    static String assetSizes() throws Exception {
        long[] sizes = assetBytes();
        return sizes[0] / 1024 + " kB raw, " + sizes[1] / 1024 + " kB gzipped";
    }

    /** Every console file, and gzip -9 of each, as the function ships them (target/classes): {raw, gzipped}. */
    static long[] assetBytes() throws Exception {
        Path root = Path.of("target", "classes", "META-INF", "resources", "console");
        long raw = 0;
        long gz = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(out) { { def.setLevel(9); } }) {
                    gzip.write(bytes);
                }
                raw += bytes.length;
                gz += out.size();
            }
        }
        return new long[] {raw, gz};
    }
}
