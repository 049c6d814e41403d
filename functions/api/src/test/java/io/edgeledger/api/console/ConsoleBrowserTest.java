package io.edgeledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.LedgerFixture;
import io.edgeledger.api.support.Payloads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web console in a real browser (Debian's Chromium), against the API served by Quarkus' Lambda HTTP path with
 * real Redis, S3 (s3proxy) and the NEAR emulator behind it, with data put in through the public API.
 */
@QuarkusTest
@QuarkusTestResource(value = ApiTestResources.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private Browser browser;
    private ConsoleData data;
    private com.sun.net.httpserver.HttpServer bridge;

    /** Once, at the first test: the data and the browser (RestAssured's port is the app's only once a test runs). */
    @BeforeEach
    void start() throws Exception {
        assumeTrue(Browser.available(), "SKIPPED: needs Debian's chromium and chromium-driver (./edgeledger test installs them as root)");
        if (browser == null) {
            data = ConsoleData.load();
            // the browser reaches the app through the local mode's bridge, as in ./edgeledger up (HTTP -> API Gateway
            // v2 event -> the Lambda HTTP handler)
            bridge = io.edgeledger.api.local.LocalHttpMode.bridge("127.0.0.1", 0, 29_000);
            browser = new Browser("http://127.0.0.1:" + bridge.getAddress().getPort());
        }
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (bridge != null) {
            bridge.stop(0);
        }
    }

    private void signIn() {
        browser.open("#/probes");
        if (!browser.driver.findElements(By.cssSelector("#sign-in:not([hidden])")).isEmpty()) {
            WebElement key = browser.driver.findElement(By.id("operator-key"));
            key.clear(); // a failed attempt leaves its key in the field
            key.sendKeys(Api.operatorKey());
            browser.driver.findElement(By.cssSelector("#sign-in-form button")).click();
        }
        browser.visible(By.id("nav"));
    }

    @Test
    @Order(1)
    void theConsoleIsServedWithAStrictContentSecurityPolicy() throws Exception {
        Response page = RestAssured.given().get(browser.base + "/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("script-src 'self'")
                .contains("style-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.asString()).doesNotContain("<style").doesNotContain(" style=").containsPattern("<script type=\"module\" src=\"js/app.js\"></script>");
        Response vendor = RestAssured.given().get(browser.base + "/console/vendor/cytoscape/cytoscape.js");
        assertThat(vendor.statusCode()).isEqualTo(200);
        assertThat(vendor.contentType()).contains("javascript");
        assertThat(RestAssured.given().get(browser.base + "/console/vendor/cytoscape/LICENSE").statusCode()).isEqualTo(200);
        assertThat(RestAssured.given().get(browser.base + "/console/vendor/uplot/LICENSE").statusCode()).isEqualTo(200);
        // the same on the Lambda runtime's own path (Quarkus' mock event server stands in for API Gateway here)
        assertThat(RestAssured.given().get("/console/").header("Content-Security-Policy")).isEqualTo(page.header("Content-Security-Policy"));
        assertThat(ConsoleFirstRenderBench.assetBytes()[1]).as("console assets, gzipped").isLessThan(500 * 1024);
    }

    @Test
    @Order(2)
    void aWrongKeyShowsTheSignInError() throws Exception {
        browser.open("");
        browser.script("sessionStorage.clear()");
        browser.open("");
        browser.visible(By.id("operator-key")).sendKeys("elk_" + "0".repeat(64));
        browser.driver.findElement(By.cssSelector("#sign-in-form button")).click();
        WebElement error = browser.visible(By.id("sign-in-error"));
        // the API's own message and code, as the API answered the sign-in check
        String apiMessage = RestAssured.given().header("Authorization", "Bearer elk_" + "0".repeat(64)).get("/v1/probes").path("message");
        assertThat(error.getText()).startsWith("Sign-in failed:").contains(apiMessage).contains("invalid_api_key");
        assertThat(browser.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
        browser.screenshot("sign-in-error");
    }

    @Test
    @Order(3)
    void theProbeListShowsTheEnrolledProbeWithItsCheckHealth() throws Exception {
        signIn();
        WebElement row = browser.rowOnSomePage(data.probeName);
        assertThat(row.getText()).contains(data.probe.id).contains("active").contains("1 checks ok").contains("env:test")
                // what the probe reported about itself: its version and its forwarder's backlog
                .contains(ConsoleData.PROBE_VERSION).contains("3 waiting (4.0 kB), behind 30 s");
        assertThat(browser.script("return sessionStorage.getItem('edgeledger.operatorKey')")).isEqualTo(Api.operatorKey());
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        browser.screenshot("probes");
    }

    @Test
    @Order(4)
    void enrollingShowsTheSecretOnceAndRevokeWorks() {
        signIn();
        browser.visible(By.cssSelector("input[name=name]")).sendKeys("console-enrolled");
        browser.driver.findElement(By.cssSelector("input[name=tags]")).sendKeys("env:console");
        browser.driver.findElement(By.xpath("//button[text()='Enroll']")).click();
        WebElement secret = browser.visible(By.cssSelector(".secret-once code.secret"));
        String probeId = browser.driver.findElement(By.cssSelector(".secret-once code.probe-id")).getText();
        assertThat(secret.getText()).isNotBlank();
        Api.operator().get("/v1/probes/" + probeId).then().statusCode(200);
        browser.driver.findElement(By.xpath("//button[text()='I have copied it']")).click();
        assertThat(browser.driver.findElements(By.cssSelector(".secret-once"))).isEmpty();
        // revoke it: the row's button, confirmed
        WebElement row = browser.rowOnSomePage(probeId);
        row.findElement(By.xpath(".//button[text()='Revoke']")).click();
        browser.until(ExpectedConditions.alertIsPresent()).accept();
        browser.until(d -> Api.operator().get("/v1/probes/" + probeId).path("status").equals("revoked"));
    }

    @Test
    @Order(5)
    void aMetricChartHasPoints() throws Exception {
        signIn();
        browser.open("#/metrics?name=" + ConsoleData.METRIC + "&tags=env:test&window=3600");
        WebElement chart = browser.visible(By.cssSelector(".chart[data-points]"));
        assertThat(Integer.parseInt(chart.getDomAttribute("data-points"))).isGreaterThanOrEqualTo(8);
        assertThat(chart.findElements(By.cssSelector("canvas"))).isNotEmpty();
        // the table view beside it holds the same points
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("figure.with-table .data tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
        // the series list offers it to pick
        browser.until(d -> d.findElements(By.cssSelector("tr.pickable")).stream().anyMatch(r -> r.getText().contains(ConsoleData.METRIC)));
        assertThat(browser.problems()).isEmpty();
        browser.screenshot("metrics");
    }

    @Test
    @Order(6)
    void aDevlogSessionFromTheFixturesShowsItsEvents() throws Exception {
        signIn();
        browser.open("#/devlog");
        WebElement row = browser.until(d -> d.findElements(By.cssSelector("tr.pickable")).stream()
                .filter(r -> r.getText().contains(ConsoleData.CODEX_SESSION)).findFirst().orElse(null));
        assertThat(row.getText()).contains("codex").contains("/home/alice/src/shop");
        browser.screenshot("devlog-sessions");
        row.sendKeys(org.openqa.selenium.Keys.ENTER); // keyboard: Enter opens the session
        browser.until(d -> d.findElements(By.cssSelector(".timeline li.event")).size() == data.codexEvents);
        String timeline = browser.driver.findElement(By.cssSelector(".timeline")).getText();
        assertThat(timeline).contains("session_start").contains("tool_call").contains("file_write")
                .contains("/home/alice/src/shop/src/orders/invoice.ts").contains("command_execute");
        assertThat(browser.driver.findElement(By.xpath("//h2[text()='Token usage per model']/following-sibling::div[1]")).getText())
                .contains("gpt-5-codex");
        assertThat(browser.problems()).isEmpty();
        browser.screenshot("devlog-session");
    }

    @Test
    @Order(7)
    void verifyingASampleRowShowsVerifiedWithItsAuditPath() throws Exception {
        signIn();
        browser.open("#/ledger/batch/" + data.intact.batchId());
        WebElement verifyButton = browser.visible(By.cssSelector("button.verify-row"));
        verifyButton.click();
        WebElement verdict = browser.visible(By.cssSelector(".verdict[data-verdict]"));
        assertThat(verdict.getDomAttribute("data-verdict")).isEqualTo("verified");
        WebElement path = browser.waitFor(By.cssSelector(".merkle-path[data-rendered=true]"));
        // the browser recomputed the root from the proof itself, and it is the root the API found in S3
        assertThat(path.getDomAttribute("data-matches")).isEqualTo("true");
        assertThat(path.getDomAttribute("data-browser-root")).isEqualTo(data.intact.root());
        assertThat(browser.driver.findElement(By.cssSelector(".roots")).getText()).contains("(matches)").contains(data.intact.root());
        assertThat(browser.problems()).isEmpty();
        browser.script("document.querySelector('.verdict').scrollIntoView({block: 'start'})");
        browser.screenshot("ledger-verified");
        browser.script("document.querySelector('.merkle-path').scrollIntoView({block: 'center'})");
        browser.screenshot("ledger-audit-path");

        browser.open("#/ledger");
        browser.visible(By.cssSelector("tr.pickable"));
        browser.screenshot("ledger-batches");
    }

    @Test
    @Order(8)
    void aTamperedCopyShowsTampered() throws Exception {
        signIn();
        browser.open("#/ledger");
        WebElement input = browser.visible(By.cssSelector("textarea[name=row]"));
        input.sendKeys(data.tamperedLeaf);
        browser.driver.findElement(By.cssSelector("input[name=batch_id]")).sendKeys(data.tampered.batchId());
        browser.driver.findElement(By.xpath("//button[text()='Verify']")).click();
        WebElement verdict = browser.visible(By.cssSelector(".verdict[data-verdict]"));
        assertThat(verdict.getDomAttribute("data-verdict")).isEqualTo("tampered");
        assertThat(verdict.getDomAttribute("role")).isEqualTo("alert");
        assertThat(verdict.getText()).contains("TAMPERED");
        assertThat(browser.driver.findElement(By.cssSelector(".problems")).getText()).contains("batch-data.json");
        browser.screenshot("ledger-tampered");

        // the batch page says so too, and its rows (no longer matching the manifest) are refused with the API's message
        browser.open("#/ledger/batch/" + data.tampered.batchId());
        assertThat(browser.visible(By.cssSelector(".verdict.tampered")).getText()).contains("TAMPERED");
        assertThat(browser.visible(By.cssSelector(".error")).getText()).contains("batch_inconsistent");
    }

    @Test
    @Order(9)
    void traceNowDrawsOneNodePerHopWithTheSilentHopMarked() throws Exception {
        assumeTrue(LabChain.root(), "SKIPPED: the trace-now test builds a netlab chain and sends raw packets: run as root (CI does)");
        try (LabChain lab = LabChain.up("con" + ProcessHandle.current().pid() % 10000, "--hops", "3", "--silent-hop", "2", "--ipv4-only")) {
            signIn();
            browser.open("#/paths");
            new org.openqa.selenium.support.ui.Select(browser.visible(By.cssSelector("select[name=probe]"))).selectByVisibleText(data.probeName);
            browser.driver.findElement(By.cssSelector("input[name=target]")).sendKeys(lab.dst());
            // the probe's side: take the job from the long-poll, trace in the lab with the real engine, post the result
            CompletableFuture<JsonNode> probeSide = CompletableFuture.supplyAsync(() -> answerOneJob(lab));
            browser.driver.findElement(By.id("trace-now")).click();
            JsonNode traced = probeSide.get(180, TimeUnit.SECONDS);
            WebElement graph = browser.waitFor(By.cssSelector(".hop-graph[data-rendered=true]"));
            // The console draws what the probe reported: one node per (TTL, address) over both runs, "*" for a TTL
            // without an answer. Which hops answered is the engine's business (its namespace tests assert the lab's
            // path), so the oracle is the posted result; a reply the kernel lost shows as one more silent node.
            ReportedHops reported = ReportedHops.of(traced);
            assertThat(reported.silentTtls()).as("the lab's silent router, in the posted result " + traced).contains(2);
            assertThat(reported.addresses()).as("posted result " + traced).contains("198.18.0.2", "198.18.2.2", lab.dst());
            assertThat(graph.getDomAttribute("data-nodes")).isEqualTo(String.valueOf(reported.nodes()));
            assertThat(graph.getDomAttribute("data-silent-nodes")).isEqualTo(String.valueOf(reported.silentTtls().size()));
            List<WebElement> silentRows = browser.driver.findElements(By.cssSelector(".hop-graph ~ * tr.silent, figure.with-table tr.silent"));
            assertThat(silentRows).hasSize(reported.silentTtls().size());
            assertThat(silentRows).anySatisfy(row -> assertThat(row.getText()).startsWith("2").contains("no reply"));
            String table = browser.driver.findElement(By.cssSelector("figure.with-table .data")).getText();
            for (String address : reported.addresses()) {
                assertThat(table).contains(address);
            }
            assertThat(table).doesNotContain("198.18.1.2 ");
            assertThat(browser.problems()).isEmpty();
            browser.screenshot("paths-trace-now");

            // the stored path: graph, hop count and end-to-end charts over time
            browser.open("#/paths/" + data.probe.id + "/" + lab.dst());
            browser.waitFor(By.cssSelector(".hop-graph[data-rendered=true]"));
            assertThat(browser.driver.findElements(By.cssSelector(".chart[data-points]"))).hasSize(2);
            browser.screenshot("paths");
        }
    }

    @Test
    @Order(10)
    void theBatchListPagesOnTheServerForwardAndBack() throws Exception {
        LedgerFixture.write(LedgerFixture.seal("etrap.public.orders", LedgerFixture.entries("etrap.public.orders",
                1_791_000_000_000L + (System.nanoTime() % 1_000_000) * 100_000))); // with ConsoleData's two: at least 3
        signIn();
        browser.open("#/ledger?limit=2");
        List<String> first = browser.until(d -> batchIds(d, 2));
        browser.driver.findElement(By.xpath("//div[@class='pager']/button[text()='Next ›']")).click();
        List<String> second = browser.until(d -> {
            List<String> ids = batchIds(d, -1);
            return ids.isEmpty() || ids.equals(first) ? null : ids;
        });
        assertThat(second).doesNotContainAnyElementsOf(first);
        assertThat(browser.driver.findElement(By.cssSelector(".pager span")).getText()).startsWith("page 2");
        browser.driver.findElement(By.xpath("//div[@class='pager']/button[text()='‹ Previous']")).click();
        browser.until(d -> first.equals(batchIds(d, -1)) ? true : null);
        assertThat(browser.problems()).isEmpty();
    }

    /** The batch ids of the shown page, when it shows {@code expected} of them (-1: any number but none). */
    @SuppressWarnings("unchecked")
    private static List<String> batchIds(org.openqa.selenium.WebDriver d, int expected) {
        // read in one script: the table is redrawn while a page loads, so elements found earlier may be gone
        List<String> ids = (List<String>) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#page tbody tr.pickable td:last-child')].map((td) => td.textContent)");
        return (expected < 0 ? ids.isEmpty() : ids.size() != expected) ? null : ids;
    }

    @Test
    @Order(11)
    void aLongSessionsTimelinePages() throws Exception {
        String session = "long-" + Payloads.batchId();
        Instant start = Instant.now().minusSeconds(3600);
        List<String> events = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            events.add(Payloads.event(String.format("%064x", 0xc0de0000L + i), start.plusSeconds(i), "user_message", session));
        }
        assertThat(data.probe.post("/v1/ingest/events", Payloads.events(Payloads.batchId(), events.toArray(String[]::new))).statusCode()).isEqualTo(202);
        signIn();
        browser.open("#/devlog/" + session);
        browser.until(d -> d.findElements(By.cssSelector(".timeline li.event")).size() == 200);
        assertThat(browser.driver.findElement(By.cssSelector(".pager span")).getText()).isEqualTo("events 1–200 of 250");
        browser.driver.findElement(By.xpath("//button[text()='Later events ›']")).click();
        browser.until(d -> d.findElements(By.cssSelector(".timeline li.event")).size() == 50);
        assertThat(browser.driver.findElement(By.cssSelector(".timeline")).getDomAttribute("start")).isEqualTo("201");
        assertThat(browser.driver.findElement(By.cssSelector(".pager span")).getText()).isEqualTo("events 201–250 of 250");
        assertThat(browser.problems()).isEmpty();
    }

    /** The job's traceroute result as the probe posted it. */
    private JsonNode answerOneJob(LabChain lab) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                JsonNode jobs = ConsoleData.json(data.probe.get("/v1/probes/" + data.probe.id + "/jobs", "wait=5").asString());
                if (jobs.isEmpty()) {
                    continue;
                }
                JsonNode job = jobs.get(0);
                JsonNode params = job.path("params");
                JsonNode result = lab.traceroute("-P", params.path("protocol").asText("udp"), "-q", "2", "-Q", "3", "-m", "6", "--wait", "3,10,500",
                        "--timeout", "1000", params.path("target").asText());
                ObjectNode payload = ConsoleData.JSON.createObjectNode().put("batch_id", Payloads.batchId()).put("job_id", job.path("id").asText())
                        .put("timestamp", Instant.now().getEpochSecond());
                payload.putArray("tags").add("env:test");
                payload.set("result", result);
                Response posted = data.probe.post("/v1/ingest/traceroute", ConsoleData.JSON.writeValueAsString(payload));
                if (posted.statusCode() / 100 != 2) {
                    throw new IllegalStateException("traceroute ingest failed: " + posted.asString());
                }
                return result;
            }
            throw new IllegalStateException("no job reached the probe within 120 s");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
