package io.edgeledger.infra.config;

import java.util.Optional;

/**
 * Where and as whom the minter notarizes batches. {@code depositNear} is the attached deposit in NEAR (decimal
 * string, e.g. "0.5"); {@code signerSecretArn} imports an existing Secrets Manager secret instead of creating one.
 */
public record NearConfig(NearNetwork network, String rpcUrl, String contract, String account, String depositNear,
                         Optional<String> signerSecretArn) {
}
