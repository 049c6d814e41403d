package io.edgeledger.cdc.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.edgeledger.cdc.Samples;
import io.edgeledger.cdc.TestRedis;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The cdc-batcher handler invoked the way AWS does it: an EventBridge scheduled event posted to Quarkus's
 * mock Lambda runtime, handler chosen by quarkus.lambda.handler (QUARKUS_LAMBDA_HANDLER in AWS).
 */
@QuarkusTest
@QuarkusTestResource(value = CdcStackResource.class, restrictToAnnotatedClass = true)
class BatcherLambdaTest {

    @Test
    void aScheduledEventSealsTheWaitingEntries() {
        try (TestRedis redis = CdcStackResource.stack.redisConnection()) {
            Samples.load(redis, Samples.entries("redis/streams-extended-schemas.jsonl", "lambda"), 0);
        }

        given().contentType("application/json").body(ScheduledEvents.json("edgeledger-cdc-batcher"))
                .when().post()
                .then().statusCode(200)
                .body("entriesRead", equalTo(17))
                .body("batchesSealed", equalTo(3))
                .body("entriesAcked", equalTo(17));

        try (S3LedgerStore store = CdcStackResource.stack.store()) {
            assertThat(store.batchPrefixes("")).hasSize(3);
        }
    }
}
