package io.edgeledger.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.cdc.CdcStack;
import io.edgeledger.cdc.Samples;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.TestRedis;
import io.edgeledger.cdc.minter.Minter;
import io.edgeledger.cdc.minter.MinterReport;
import io.edgeledger.secrets.NearSignerSecret;

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

    /**
     * The minter keeps the key for the container's life (one Minter across runs, as MinterHandler does); after a
     * rotation (the chain drops the old key, the secret holds the new one) the next mint is refused with the kept key,
     * reads the secret again and mints with the new key. Nothing fails, nothing is minted twice.
     */
    @Test
    void aRotatedSignerKeyIsReadAgainWhenTheChainRefusesTheKeptOne() {
        try (CdcStack stack = new CdcStack()) {
            NearCredentials old = stack.near.signer();
            String arn = sm.put(new Secret("signer-rotating", credentialsJson(old.accountId(), old.keyPair()), false));
            stack.env.put(NearSignerSecret.SETTING, arn);
            stack.env.remove("EDGELEDGER_NEAR_KEY_FILE");
            stack.env.put("EDGELEDGER_CDC_PREFIX", "rot");
            Minter minter = stack.minter(StepHook.NONE);
            try (TestRedis redis = stack.redisConnection()) {
                Samples.load(redis, Samples.entries("redis/streams-extended.jsonl", "rot"), 0);
            }
            stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
            MinterReport first = minter.run(CdcStack.longDeadline());
            assertThat(first.minted()).as("%s", first).isPositive();
            assertThat(first.failed()).as("%s", first).isZero();

            NearKeyPair rotated = NearKeyPair.generate();
            stack.near.addAccount(old.accountId(), rotated.publicKey(), java.math.BigInteger.ZERO);
            stack.near.removeKey(old.accountId(), old.keyPair().publicKey());
            sm.put(new Secret("signer-rotating", credentialsJson(old.accountId(), rotated), false));

            try (TestRedis redis = stack.redisConnection()) {
                Samples.load(redis, Samples.entries("redis/streams-compact.jsonl", "rot"), 0);
            }
            stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
            MinterReport second = minter.run(CdcStack.longDeadline());
            assertThat(second.errors()).isEmpty();
            assertThat(second.minted()).as("%s", second).isPositive();
            assertThat(stack.near.tokenIds()).hasSize((int) (first.minted() + second.minted()));
        }
    }

    private static String credentialsJson(String account, NearKeyPair pair) {
        return "{\"account_id\":\"" + account + "\",\"public_key\":\"" + pair.publicKey() + "\",\"private_key\":\""
                + pair.secretKeyString() + "\"}";
    }
}
