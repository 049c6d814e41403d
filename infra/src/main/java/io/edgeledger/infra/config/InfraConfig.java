package io.edgeledger.infra.config;

import java.util.Optional;

/**
 * Everything the CDK app reads from context, validated. Build it with {@link ContextConfigReader}; every field
 * has a documented default (infra/README.md) except the mainnet NEAR contract and account.
 */
public record InfraConfig(
        String stage,
        NearConfig near,
        CacheConfig cache,
        FunctionsConfig functions,
        int logRetentionDays,
        ObjectLock ledgerObjectLock,
        int resultsArchiveExpireDays,
        String cdcStreamPrefix,
        int natGateways,
        Optional<String> alarmEmail,
        int mintBacklogAlarmSeconds) {

    /** Prefix for physical names (functions, secrets, caches) so several stages share one account. */
    public String namePrefix() {
        return "edgeledger-" + stage;
    }
}
