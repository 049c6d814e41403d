package io.edgeledger.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.local.secrets.LocalSecretsManager;
import io.edgeledger.local.secrets.LocalSecretsManager.Secret;
import io.edgeledger.near.crypto.NearCredentials;
import io.edgeledger.near.crypto.NearKeyPair;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The minter's signer key from Secrets Manager (the real SDK client against the local Secrets Manager): a good
 * near-cli secret signs; a missing, denied, placeholder or malformed secret is one error naming the setting and the
 * ARN, never the secret's value.
 */
class SignerKeySecretTest {
    private static final String ACCOUNT = "minter.edgeledger.testnet";
    private static LocalSecretsManager sm;
    private static NearKeyPair key;

    @BeforeAll
    static void start() throws Exception {
        sm = TestSecretsManager.get();
        key = NearKeyPair.fromSeed(new byte[32]);
    }

    private static NearSettings settings(String arn) {
        return NearSettings.from(new Settings(Map.of("EDGELEDGER_NEAR_ACCOUNT", ACCOUNT, "EDGELEDGER_NEAR_SIGNER_SECRET_ARN", arn)::get));
    }

    @Test
    void nearCliCredentialsInTheSecretAreTheSigner() {
        String arn = sm.put(new Secret("signer-good", "{\"account_id\":\"" + ACCOUNT + "\",\"public_key\":\"" + key.publicKey()
                + "\",\"private_key\":\"" + key.secretKeyString() + "\"}", false));
        NearCredentials credentials = settings(arn).credentials();
        assertThat(credentials.accountId()).isEqualTo(ACCOUNT);
        assertThat(credentials.keyPair().publicKey()).isEqualTo(key.publicKey());
    }

    @Test
    void aMissingSecretNamesTheSettingAndTheArn() {
        String arn = sm.arn("signer-never-created");
        assertThatThrownBy(() -> settings(arn).credentials()).isInstanceOf(SettingsException.class)
                .hasMessageContaining("EDGELEDGER_NEAR_SIGNER_SECRET_ARN=" + arn).hasMessageContaining("no such secret");
    }

    @Test
    void aDeniedSecretSaysWhichPermissionIsMissing() {
        String arn = sm.put(new Secret("signer-denied", "{}", true));
        assertThatThrownBy(() -> settings(arn).credentials()).isInstanceOf(SettingsException.class)
                .hasMessageContaining(arn).hasMessageContaining("access denied").hasMessageContaining("secretsmanager:GetSecretValue");
    }

    @Test
    void thePlaceholderTheStackCreatesIsRefusedWithTheFix() {
        String arn = sm.put(new Secret("signer-placeholder", "{\"account_id\":\"" + ACCOUNT
                + "\",\"private_key\":\"REPLACE_ME: ed25519:<base58 secret key>\"}", false));
        assertThatThrownBy(() -> settings(arn).credentials()).isInstanceOf(SettingsException.class)
                .hasMessageContaining(arn).hasMessageContaining("placeholder").hasMessageContaining("put-secret-value");
    }

    @Test
    void aMalformedKeyIsNamedWithoutShowingIt() {
        String secretValue = "ed25519:3NotAValidKeyButSecretAnyway";
        String arn = sm.put(new Secret("signer-malformed", "{\"account_id\":\"" + ACCOUNT + "\",\"private_key\":\"" + secretValue + "\"}", false));
        assertThatThrownBy(() -> settings(arn).credentials()).isInstanceOf(SettingsException.class)
                .hasMessageContaining("EDGELEDGER_NEAR_SIGNER_SECRET_ARN=" + arn)
                .hasMessageNotContaining(secretValue).hasMessageNotContaining("3NotAValid");
        String notJson = sm.put(new Secret("signer-not-json", "ed25519:" + "x".repeat(40), false));
        assertThatThrownBy(() -> settings(notJson).credentials()).isInstanceOf(SettingsException.class)
                .hasMessageContaining("not a JSON object").hasMessageNotContaining("xxxx");
    }
}
