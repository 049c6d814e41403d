package io.edgeledger.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContextConfigReaderTest {

    private static InfraConfig read(Map<String, Object> context) {
        return ContextConfigReader.read(context::get);
    }

    private static String errorFor(Map<String, Object> context) {
        try {
            read(context);
        } catch (InfraConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an InfraConfigException for " + context);
    }

    @Test
    void defaultsGiveATestnetDevStage() {
        InfraConfig config = read(Map.of());
        assertThat(config.stage()).isEqualTo("dev");
        assertThat(config.namePrefix()).isEqualTo("edgeledger-dev");
        assertThat(config.near()).isEqualTo(new NearConfig(NearNetwork.TESTNET, "https://rpc.testnet.near.org",
                "notary.edgeledger.testnet", "edgeledger.testnet", "0.5", Optional.empty()));
        assertThat(config.cache()).isEqualTo(new CacheConfig(CacheKind.NODE, "valkey", "cache.t4g.micro", 1));
        assertThat(config.functions()).isEqualTo(new FunctionsConfig("arm64", FunctionRuntime.JVM, true, 1024, 1024, 50, 100));
        assertThat(config.logRetentionDays()).isEqualTo(30);
        assertThat(config.ledgerObjectLock().enabled()).isFalse();
        assertThat(config.resultsArchiveExpireDays()).isEqualTo(365);
        assertThat(config.cdcStreamPrefix()).isEqualTo("etrap");
        assertThat(config.natGateways()).isEqualTo(1);
        assertThat(config.alarmEmail()).isEmpty();
        assertThat(config.mintBacklogAlarmSeconds()).isEqualTo(900);
    }

    @Test
    void acceptsCommandLineStringsAndCdkJsonTypes() {
        Map<String, Object> fromCli = Map.of("logRetentionDays", "90", "snapStart", "FALSE",
                "ledgerObjectLockDays", "365", "ledgerObjectLockMode", "compliance");
        Map<String, Object> fromJson = Map.of("logRetentionDays", 90.0, "snapStart", false,
                "ledgerObjectLockDays", 365, "ledgerObjectLockMode", "compliance");
        for (Map<String, Object> context : java.util.List.of(fromCli, fromJson)) {
            InfraConfig config = read(context);
            assertThat(config.logRetentionDays()).isEqualTo(90);
            assertThat(config.functions().snapStart()).isFalse();
            assertThat(config.ledgerObjectLock()).isEqualTo(new ObjectLock(365, ObjectLock.Mode.COMPLIANCE));
        }
    }

    @Test
    void mainnetNeedsAnExplicitContractAndAccount() {
        String message = errorFor(Map.of("nearNetwork", "mainnet"));
        assertThat(message).contains("nearContract is required on mainnet").contains("nearAccount is required on mainnet");

        InfraConfig config = read(Map.of("nearNetwork", "mainnet", "nearContract", "notary.example.near",
                "nearAccount", "minter.example.near"));
        assertThat(config.near().rpcUrl()).isEqualTo("https://rpc.mainnet.near.org");
        assertThat(config.near().contract()).isEqualTo("notary.example.near");
    }

    @Test
    void eachInvalidValueIsNamedWithItsFix() {
        Map<String, String> badValueToExpectedText = new HashMap<>();
        badValueToExpectedText.put("stage=Prod_1", "stage=Prod_1: use 1-16 lowercase letters");
        badValueToExpectedText.put("logRetentionDays=10", "logRetentionDays=10: CloudWatch Logs accepts only [1, 3, 5");
        badValueToExpectedText.put("nearNetwork=betanet", "nearNetwork=betanet: use testnet or mainnet");
        badValueToExpectedText.put("nearRpcUrl=http://rpc.example", "nearRpcUrl=http://rpc.example: the NEAR RPC must be an https:// URL");
        badValueToExpectedText.put("nearContract=Not An Account", "nearContract=Not An Account: not a NEAR account id");
        badValueToExpectedText.put("nearDepositNear=lots", "nearDepositNear=lots: give the deposit in NEAR as a decimal");
        badValueToExpectedText.put("nearDepositNear=-1", "nearDepositNear=-1: the deposit cannot be negative");
        badValueToExpectedText.put("nearSignerSecretArn=my-secret", "nearSignerSecretArn=my-secret: give the full ARN");
        badValueToExpectedText.put("cache=memcached", "cache=memcached: use one of [node, serverless]");
        badValueToExpectedText.put("cacheNodeType=t4g.micro", "cacheNodeType=t4g.micro: use an ElastiCache node type");
        badValueToExpectedText.put("architecture=arm", "architecture=arm: use one of [arm64, x86_64]");
        badValueToExpectedText.put("apiMemoryMb=64", "apiMemoryMb=64: must be between 128 and 10240");
        badValueToExpectedText.put("snapStart=yes", "snapStart=yes: must be true or false");
        badValueToExpectedText.put("apiSnapStart=true", "apiSnapStart=true: renamed to snapStart");
        badValueToExpectedText.put("functionRuntime=graal", "functionRuntime=graal: use one of [jvm, jvm-aot, native]");
        badValueToExpectedText.put("natGateways=0", "natGateways=0: must be between 1 and 3");
        badValueToExpectedText.put("ledgerObjectLockDays=1.5", "ledgerObjectLockDays=1.5: must be a whole number");
        badValueToExpectedText.put("alarmEmail=ops", "alarmEmail=ops: give one e-mail address");
        badValueToExpectedText.put("cdcStreamPrefix=a b", "cdcStreamPrefix=a b: use Debezium's topic.prefix");
        badValueToExpectedText.forEach((pair, expected) -> {
            String[] kv = pair.split("=", 2);
            assertThat(errorFor(Map.of(kv[0], kv[1]))).as(pair)
                    .startsWith("invalid CDK context (set values with `cdk synth -c key=value`")
                    .contains(expected);
        });
    }

    @Test
    void reportsAllProblemsAtOnce() {
        String message = errorFor(Map.of("stage", "", "logRetentionDays", "2", "cache", "x", "alarmEmail", "nope"));
        // An empty value means "use the default", so only the other three are problems.
        assertThat(message.lines().filter(l -> l.startsWith("  - "))).hasSize(3);
    }

    @Test
    void everyAcceptedRetentionMapsToACdkRetention() {
        for (int days : ContextConfigReader.LOG_RETENTIONS) {
            assertThat(read(Map.of("logRetentionDays", days)).logRetentionDays()).isEqualTo(days);
        }
    }
}
