package io.edgeledger.cdc.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.edgeledger.cdc.CdcStack;
import io.edgeledger.cdc.Samples;
import io.edgeledger.cdc.TestRedis;
import io.edgeledger.cdc.StepHook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The near-minter handler invoked through the mock Lambda runtime with a scheduled event. */
@QuarkusTest
@TestProfile(MinterLambdaTest.MinterHandler.class)
@QuarkusTestResource(value = CdcStackResource.class, restrictToAnnotatedClass = true)
class MinterLambdaTest {

    public static class MinterHandler implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "near-minter");
        }
    }

    @Test
    void aScheduledEventMintsTheQueuedBatches() {
        CdcStack stack = CdcStackResource.stack;
        try (TestRedis redis = stack.redisConnection()) {
            Samples.load(redis, Samples.entries("redis/streams-extended.jsonl", "lambda"), 0);
        }
        assertThat(stack.batcher(StepHook.NONE).run(CdcStack.longDeadline()).batchesSealed()).isEqualTo(3);

        given().contentType("application/json").body(ScheduledEvents.json("edgeledger-near-minter"))
                .when().post()
                .then().statusCode(200)
                .body("minted", equalTo(3))
                .body("failed", equalTo(0))
                .body("queued", equalTo(0));

        assertThat(stack.near.tokenIds()).hasSize(3);
    }
}
