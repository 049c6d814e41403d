package io.edgeledger.cdc.config;

import io.edgeledger.near.crypto.NearCredentials;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.notary.NotarySettings;
import io.edgeledger.secrets.NearSignerSecret;
import io.edgeledger.secrets.Secrets;
import io.edgeledger.secrets.SecretsException;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * Where and as whom the minter notarizes: the chain and notary from the core {@link NotarySettings} (the same the
 * API verifies against), plus what only the minter needs: EDGELEDGER_NEAR_KEY_FILE (near-cli credentials JSON;
 * $EDGELEDGER_HOME/near/&lt;account&gt;.json), EDGELEDGER_NEAR_RECEIVER (the account), EDGELEDGER_NEAR_DEPOSIT
 * (0.5 NEAR per mint). On AWS the key comes from the Secrets Manager secret EDGELEDGER_NEAR_SIGNER_SECRET_ARN instead
 * of a file (the stack sets it; so does ./edgeledger up, with its local Secrets Manager).
 */
public record NearSettings(NotarySettings notary, String signerSecretArn, Path keyFile, String receiver, BigInteger depositYocto) {

    public static NearSettings from(Settings s) {
        NotarySettings notary;
        try {
            notary = NotarySettings.from(name -> s.string(name, null));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
        String home = s.string("EDGELEDGER_HOME", ".edgeledger");
        BigInteger deposit;
        try {
            deposit = NotaryConfig.nearToYocto(s.string("EDGELEDGER_NEAR_DEPOSIT", "0.5"));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("EDGELEDGER_NEAR_DEPOSIT: " + e.getMessage());
        }
        return new NearSettings(notary, s.string(NearSignerSecret.SETTING, null), Path.of(s.string("EDGELEDGER_NEAR_KEY_FILE", home + "/near/" + notary.account() + ".json")),
                s.string("EDGELEDGER_NEAR_RECEIVER", notary.account()), deposit);
    }

    public String network() {
        return notary.network();
    }

    public String contract() {
        return notary.contract();
    }

    public String account() {
        return notary.account();
    }

    /**
     * After the chain refused the signer (its key is not on the account, or the signature does not verify): the next
     * {@link #credentials} reads the secret again, since the key may have been rotated. A key file is read anew anyway.
     */
    public void forgetSigner() {
        if (signerSecretArn != null) {
            Secrets.shared().forget(signerSecretArn);
        }
    }

    /** Reads the signer key (secret first, else the file); the message says which secret or file and setting when it cannot. */
    public NearCredentials credentials() {
        if (signerSecretArn != null) {
            try {
                return NearSignerSecret.read(Secrets.shared(), signerSecretArn, account());
            } catch (SecretsException e) {
                throw new SettingsException(e.getMessage());
            }
        }
        try {
            return NearCredentials.read(keyFile, account());
        } catch (RuntimeException e) {
            throw new SettingsException("cannot read the NEAR signer key " + keyFile + " (EDGELEDGER_NEAR_KEY_FILE): " + e.getMessage());
        }
    }
}
