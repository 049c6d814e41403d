package io.edgeledger.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.cdc.batcher.BatcherSettings;
import io.edgeledger.cdc.minter.MinterSettings;
import io.edgeledger.cdc.wiring.Components;
import io.edgeledger.near.crypto.NearKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/cdc.md "Configuration errors": each mistake in the settings is one line naming the setting, its value and what
 * is expected, and nothing runs. Every case changes one setting of a configuration that is otherwise valid.
 */
class ConfigurationErrorsTest {
    private static final String ACCOUNT = "minter.emulator";
    @TempDir
    static Path dir;
    private static Map<String, String> valid;

    @BeforeAll
    static void validSettings() throws Exception {
        NearKeyPair key = NearKeyPair.fromSeed(new byte[32]);
        Path keyFile = Files.writeString(dir.resolve("minter.json"), "{\"account_id\":\"" + ACCOUNT + "\",\"public_key\":\""
                + key.publicKey() + "\",\"private_key\":\"" + key.secretKeyString() + "\"}");
        valid = Map.of("EDGELEDGER_REDIS_URL", "redis://127.0.0.1:6379", "EDGELEDGER_NEAR_ACCOUNT", ACCOUNT,
                "EDGELEDGER_NEAR_KEY_FILE", keyFile.toString());
    }

    /** Everything a batcher and a minter run read from their settings before they touch Redis, S3 or NEAR. */
    private static void readAll(Map<String, String> settings) {
        Settings s = new Settings(settings::get);
        Components.redis(s);
        BatcherSettings.from(s);
        MinterSettings.from(s);
        NearSettings.from(s).credentials();
    }

    @Test
    void theValidBaseReadsWithoutError() {
        readAll(valid);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            EDGELEDGER_REDIS_URL                      | http://cache:6379          | EDGELEDGER_REDIS_URL='http://cache:6379': expected rediss://[user:password@]host[:port][/db] (or redis:// without TLS, local use only)
            EDGELEDGER_REDIS_URL                      | redis://cache:6379/zero    | EDGELEDGER_REDIS_URL='redis://cache:6379/zero': the path must be a database number (e.g. /0)
            EDGELEDGER_REDIS_CA_FILE                  | /etc/edgeledger/redis-ca.pem | EDGELEDGER_REDIS_CA_FILE is set but EDGELEDGER_REDIS_URL is not rediss://: use rediss:// to connect with TLS
            EDGELEDGER_CDC_READ_COUNT                 | many                       | EDGELEDGER_CDC_READ_COUNT=many: expected a whole number greater than 0
            EDGELEDGER_MINT_PER_RUN                   | 0                          | EDGELEDGER_MINT_PER_RUN=0: expected a whole number greater than 0
            EDGELEDGER_CDC_VISIBILITY_TIMEOUT_SECONDS | soon                       | EDGELEDGER_CDC_VISIBILITY_TIMEOUT_SECONDS=soon: expected a number of seconds, 0 or more (e.g. 60 or 0.5)
            EDGELEDGER_MINT_LEASE_SECONDS             | -1                         | EDGELEDGER_MINT_LEASE_SECONDS=-1: expected a number of seconds, 0 or more (e.g. 60 or 0.5)
            EDGELEDGER_CDC_READ_BLOCK_MS              | 1.5                        | EDGELEDGER_CDC_READ_BLOCK_MS=1.5: expected a whole number, 0 or more
            EDGELEDGER_NEAR_RPC                       | ftp://rpc.example          | EDGELEDGER_NEAR_RPC=ftp://rpc.example is not an http(s) URL (e.g. https://rpc.testnet.near.org)
            EDGELEDGER_NEAR_DEPOSIT                   | lots                       | EDGELEDGER_NEAR_DEPOSIT: not a NEAR amount with at most 24 decimals: lots
            EDGELEDGER_NEAR_KEY_FILE                  | /nonexistent/minter.json   | cannot read the NEAR signer key /nonexistent/minter.json (EDGELEDGER_NEAR_KEY_FILE):
            """)
    void eachMistakeIsItsDocumentedOneLine(String setting, String value, String documented) {
        Map<String, String> settings = new HashMap<>(valid);
        settings.put(setting, value);
        assertThatThrownBy(() -> readAll(settings)).isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(documented).doesNotContain("\n"));
    }
}
