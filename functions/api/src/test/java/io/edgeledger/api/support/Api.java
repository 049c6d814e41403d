package io.edgeledger.api.support;

import static io.restassured.RestAssured.given;

import io.edgeledger.testing.EmbeddedS3;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** Shortcuts for tests: an operator-authenticated request, and direct access to the test's S3. */
public final class Api {
    private Api() {}

    public static String operatorKey() {
        return ConfigProvider.getConfig().getValue("edgeledger.test.operator-key", String.class);
    }

    public static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + operatorKey());
    }

    public static S3Client s3() {
        String endpoint = ConfigProvider.getConfig().getValue("edgeledger.s3.endpoint", String.class);
        return EmbeddedS3.clientBuilder(URI.create(endpoint)).build(); // plain bodies: s3proxy keeps the connection (EmbeddedS3)
    }
}
