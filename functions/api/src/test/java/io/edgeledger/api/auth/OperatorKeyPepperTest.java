package io.edgeledger.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.local.secrets.LocalSecretsManager;
import io.edgeledger.local.secrets.LocalSecretsManager.Secret;
import io.edgeledger.secrets.Secrets;
import io.edgeledger.secrets.SecretsException;
import io.edgeledger.testing.AwsSdkEndpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pepper from Secrets Manager (real SDK client, local server): hashing, and the errors create-key and the API print. */
class OperatorKeyPepperTest {
    private static LocalSecretsManager sm;

    @BeforeAll
    static void start() throws Exception {
        sm = LocalSecretsManager.start(0, "us-east-1", "AKIDPEPPER", "pepper-test-secret");
        AwsSdkEndpoints.secretsManager(sm.endpoint(), "us-east-1", "AKIDPEPPER", "pepper-test-secret");
    }

    @AfterAll
    static void stop() {
        sm.close();
    }

    @Test
    void keysAreHmacWithThePepperAndTheOldSha256IsTheLegacyForm() {
        String arn = sm.put(new Secret("api-good", "{\"operator_key_pepper\":\"s3cret-pepper\"}", false));
        OperatorKeyPepper pepper = new OperatorKeyPepper(new Secrets(), arn);
        String key = ApiKeyFormat.newKey();
        assertThat(pepper.hash(key)).isEqualTo(ApiKeyFormat.hmac("s3cret-pepper", key)).isNotEqualTo(ApiKeyFormat.hash(key));
        assertThat(pepper.legacyHash(key)).contains(ApiKeyFormat.hash(key));
        assertThat(new OperatorKeyPepper(new Secrets(), null).hash(key)).isEqualTo(ApiKeyFormat.hash(key));
    }

    @Test
    void missingDeniedAndMalformedSecretsAreOneLineNamingTheSettingNeverTheValue() {
        String missing = sm.arn("api-never-created");
        assertThatThrownBy(() -> new OperatorKeyPepper(new Secrets(), missing).hash("elk_x"))
                .isInstanceOf(SecretsException.class).hasMessageContaining("EDGELEDGER_API_SECRET_ARN=" + missing)
                .hasMessageContaining("no such secret");
        String denied = sm.put(new Secret("api-denied", "{\"operator_key_pepper\":\"p\"}", true));
        assertThatThrownBy(() -> new OperatorKeyPepper(new Secrets(), denied).hash("elk_x"))
                .isInstanceOf(SecretsException.class).hasMessageContaining("access denied");
        String malformed = sm.put(new Secret("api-malformed", "{\"pepper\":\"do-not-print-me\"}", false));
        assertThatThrownBy(() -> new OperatorKeyPepper(new Secrets(), malformed).hash("elk_x"))
                .isInstanceOf(SecretsException.class).hasMessageContaining("operator_key_pepper")
                .hasMessageNotContaining("do-not-print-me").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
