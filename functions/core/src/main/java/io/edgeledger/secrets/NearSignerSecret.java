package io.edgeledger.secrets;

import io.edgeledger.near.crypto.InvalidKeyException;
import io.edgeledger.near.crypto.NearCredentials;

/**
 * The minter's NEAR key from the secret EDGELEDGER_NEAR_SIGNER_SECRET_ARN: near-cli credentials JSON
 * {@code {"account_id", "public_key", "private_key": "ed25519:..."}}, as in ~/.near-credentials/&lt;network&gt;/. The
 * stack creates the secret with a placeholder private key; until an operator stores the real one, minting stops
 * with an error that says how, naming the ARN and never the value.
 */
public final class NearSignerSecret {
    public static final String SETTING = "EDGELEDGER_NEAR_SIGNER_SECRET_ARN";
    /** What infra's CdcStack puts in the secret it creates; anything starting with it is not a key yet. */
    public static final String PLACEHOLDER_PREFIX = "REPLACE_ME";

    private NearSignerSecret() {}

    public static NearCredentials read(Secrets secrets, String arn, String account) {
        String json = secrets.read(SETTING, arn);
        if (json.contains("\"" + PLACEHOLDER_PREFIX)) {
            throw new SecretsException(SETTING + "=" + arn + ": the secret still holds the placeholder key; store the "
                    + "minter's near-cli credentials: aws secretsmanager put-secret-value --secret-id " + arn
                    + " --secret-string file://$HOME/.near-credentials/<network>/" + account + ".json");
        }
        try {
            return NearCredentials.parse(json, SETTING + "=" + arn, account);
        } catch (InvalidKeyException e) {
            throw new SecretsException(e.getMessage() + "; the secret must be near-cli credentials JSON "
                    + "{\"account_id\": \"" + account + "\", \"public_key\": \"ed25519:...\", \"private_key\": \"ed25519:...\"}");
        }
    }
}
