package io.edgeledger.local.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** The real AWS SDK client against the local Secrets Manager: values, missing and denied secrets, bad signatures. */
class LocalSecretsManagerTest {
    private static LocalSecretsManager sm;

    @BeforeAll
    static void start() throws Exception {
        sm = LocalSecretsManager.start(0, "us-east-1", "AKIDLOCAL", "local-secret-key");
        sm.put(new LocalSecretsManager.Secret("edgeledger/api", "{\"operator_key_pepper\":\"p3pper\"}", false));
        sm.put(new LocalSecretsManager.Secret("edgeledger/denied", "x", true));
    }

    @AfterAll
    static void stop() {
        sm.close();
    }

    private static SecretsManagerClient client(String secretKey) {
        return SecretsManagerClient.builder().endpointOverride(sm.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", secretKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Test
    void aSignedRequestGetsTheSecretByNameOrArn() {
        try (SecretsManagerClient client = client("local-secret-key")) {
            assertThat(client.getSecretValue(r -> r.secretId("edgeledger/api")).secretString()).contains("p3pper");
            var byArn = client.getSecretValue(r -> r.secretId(sm.arn("edgeledger/api")));
            assertThat(byArn.secretString()).isEqualTo("{\"operator_key_pepper\":\"p3pper\"}");
            assertThat(byArn.arn()).isEqualTo(sm.arn("edgeledger/api"));
        }
    }

    /** What the Lambda emulator gives a function for {"Ref": secret} (a partial ARN, as AWS accepts) is answered too. */
    @Test
    void thePartialArnTheRuntimeLoopResolvesAReferenceToIsAnswered() {
        String partial = io.edgeledger.local.lambda.CloudAssembly.localSecretArn("edgeledger/api");
        assertThat(partial).doesNotEndWith("-local0");
        try (SecretsManagerClient client = client("local-secret-key")) {
            var answer = client.getSecretValue(r -> r.secretId(partial));
            assertThat(answer.secretString()).contains("p3pper");
            assertThat(answer.arn()).isEqualTo(sm.arn("edgeledger/api"));
        }
    }

    @Test
    void aWrongSecretKeyFailsTheSignatureCheck() {
        try (SecretsManagerClient client = client("not-the-key")) {
            assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId("edgeledger/api")))
                    .isInstanceOfSatisfying(SecretsManagerException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
        }
    }

    @Test
    void missingAndDeniedSecretsAnswerAsAwsDoes() {
        try (SecretsManagerClient client = client("local-secret-key")) {
            assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId("edgeledger/nope")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId("edgeledger/denied")))
                    .isInstanceOfSatisfying(SecretsManagerException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
    }
}
