package io.edgeledger.infra.runtimeloop;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.infra.artifacts.FunctionZips;
import io.edgeledger.infra.lambda.FunctionEnv;
import io.edgeledger.local.lambda.LocalFunction;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -c functionRuntime=jvm-aot}, run: the app synthesized with the API's custom-runtime zip (functions/api
 * {@code -Dlambda-aot}: its own JDK and the AOT cache trained at build time), and the API run as Lambda runs a
 * provided.al2023 function: the zip's bootstrap from the unpacked task root, with the template's handler and
 * environment, against the same local stores as {@link TemplateUnderRuntimeLoopTest}. The API's part of the story
 * (operator key, probe, signed metrics) answers, and the JVM used the cache: a refused or missing cache is an
 * {@code [error][aot]} line in the function's log, a stale jar a {@code [warning][aot]} one.
 *
 * <p>Skipped, saying why, unless target/function-aot.zip is built ({@code ./edgeledger test} builds it).
 */
class ApiCustomRuntimeUnderRuntimeLoopTest {
    @TempDir
    static Path dir;
    static TemplateStack stack;
    static LocalFunction api;

    @BeforeAll
    static void synthesizeAndStart() throws Exception {
        FunctionZips zips = new FunctionZips(TemplateStack.built("functions/api", FunctionZips.API_AOT_ZIP),
                TemplateStack.built("functions/cdc", "function.zip"));
        TemplateStack.assumeBuilt(zips, "functions/api's " + FunctionZips.API_AOT_ZIP + " is not built (./mvnw -pl functions/api "
                + "-am package -Dlambda-aot, or ./edgeledger test), or the CDC zip or samples/local-stack's lambda-runtime");
        stack = new TemplateStack(dir, "aotstory", Map.of("functionRuntime", "jvm-aot"), zips);
        api = stack.function("api");
        stack.front(api);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theApiRunsFromItsBootstrapWithTheAotCacheItWasBuiltWith() throws Exception {
        assertThat(stack.fn("api").runtime()).isEqualTo("provided.al2023");
        assertThat(stack.fn("api").handler()).isEqualTo(FunctionEnv.QUARKUS_HANDLER_CLASS);
        assertThat(stack.fn("cdc-batcher").runtime()).isEqualTo("java21");

        HttpResponse<String> health = stack.get("/health", null);
        assertThat(health.statusCode()).as(health.body() + " (log: " + api.log() + ")").isEqualTo(200);
        stack.enrollAndIngestSignedMetrics(stack.createOperatorKey());

        String log = Files.readString(api.log());
        assertThat(log).as("the JVM's own lines about its AOT cache (log: " + api.log() + ")")
                .doesNotContain("[error  ][aot]").doesNotContain("[error][aot]").doesNotContain("[warning][aot]");
        assertThat(log).contains("started in");
    }
}
