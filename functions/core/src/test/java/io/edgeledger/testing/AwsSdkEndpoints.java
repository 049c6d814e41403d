package io.edgeledger.testing;

import java.net.URI;

/**
 * Points the AWS SDK of this JVM at local servers the standard way (the system-property twins of AWS_REGION,
 * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_ENDPOINT_URL_SECRETS_MANAGER), exactly as the environment does
 * in a Lambda or under ./edgeledger up: the code under test has no test-only path.
 */
public final class AwsSdkEndpoints {
    private AwsSdkEndpoints() {}

    public static void secretsManager(URI endpoint, String region, String accessKey, String secretKey) {
        System.setProperty("aws.region", region);
        System.setProperty("aws.accessKeyId", accessKey);
        System.setProperty("aws.secretAccessKey", secretKey);
        System.setProperty("aws.endpointUrlSecretsManager", endpoint.toString());
    }
}
