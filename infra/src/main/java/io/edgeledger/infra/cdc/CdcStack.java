package io.edgeledger.infra.cdc;

import io.edgeledger.infra.artifacts.FunctionZips;
import io.edgeledger.infra.config.InfraConfig;
import io.edgeledger.infra.config.NearConfig;
import io.edgeledger.infra.lambda.FunctionEnv;
import io.edgeledger.infra.network.NetworkStack;
import io.edgeledger.infra.state.StateStack;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * functions/cdc: the batcher (Redis Streams to S3 batches) and the minter (batches to NEAR tokens), two Lambdas
 * from one zip. Only the minter can read the NEAR signing key.
 */
public final class CdcStack extends Stack {
    /** Placeholder written when the stack creates the signer secret; the minter refuses to sign with it. */
    public static final String SIGNER_KEY_PLACEHOLDER = "REPLACE_ME: ed25519:<base58 secret key>";

    private final ScheduledCdcFunction batcher;
    private final ScheduledCdcFunction minter;
    private final ISecret nearSigner;

    public CdcStack(Construct scope, String id, StackProps props, InfraConfig config, FunctionZips zips,
                    NetworkStack network, StateStack state) {
        super(scope, id, props);
        NearConfig near = config.near();
        nearSigner = near.signerSecretArn()
                .<ISecret>map(arn -> Secret.fromSecretCompleteArn(this, "NearSigner", arn))
                .orElseGet(() -> Secret.Builder.create(this, "NearSigner")
                        .secretName(config.namePrefix() + "/near-signer")
                        .description("NEAR signer for the minter: {account_id, private_key}. Put the real key with "
                                + "aws secretsmanager put-secret-value (docs/deploy.md)")
                        // Not a secret: a placeholder the operator replaces after the first deploy.
                        .secretObjectValue(Map.of(
                                "account_id", SecretValue.unsafePlainText(near.account()),
                                "private_key", SecretValue.unsafePlainText(SIGNER_KEY_PLACEHOLDER)))
                        .build());

        Map<String, String> common = new LinkedHashMap<>();
        common.put(FunctionEnv.HOME, FunctionEnv.LAMBDA_HOME);
        common.put(FunctionEnv.REDIS_URL, state.redis().url());
        common.put(FunctionEnv.LEDGER_BUCKET, state.ledgerBucket().getBucketName());
        common.put(FunctionEnv.CDC_STREAM_PREFIX, config.cdcStreamPrefix());
        common.put(FunctionEnv.NEAR_NETWORK, near.network().id());
        common.put(FunctionEnv.NEAR_CONTRACT, near.contract());

        batcher = new ScheduledCdcFunction(this, "Batcher", CdcHandler.BATCHER, common, zips.cdc(), config,
                network.vpc(), network.cdcSecurityGroup());

        Map<String, String> minterEnv = new LinkedHashMap<>(common);
        minterEnv.put(FunctionEnv.CDC_NEAR_RPC, near.rpcUrl());
        minterEnv.put(FunctionEnv.NEAR_ACCOUNT, near.account());
        minterEnv.put(FunctionEnv.NEAR_DEPOSIT, near.depositNear());
        minterEnv.put(FunctionEnv.NEAR_SIGNER_SECRET_ARN, nearSigner.getSecretArn());
        minter = new ScheduledCdcFunction(this, "Minter", CdcHandler.MINTER, minterEnv, zips.cdc(), config,
                network.vpc(), network.cdcSecurityGroup());

        state.ledgerBucket().grantReadWrite(batcher.function());
        state.ledgerBucket().grantReadWrite(minter.function());
        nearSigner.grantRead(minter.function());

        CfnOutput.Builder.create(this, "NearSignerSecretArn").value(nearSigner.getSecretArn())
                .description("Put the minter's NEAR key here (docs/deploy.md)").build();
    }

    public Function batcher() {
        return batcher.function();
    }

    public Function minter() {
        return minter.function();
    }

    public ScheduledCdcFunction batcherSchedule() {
        return batcher;
    }

    public ScheduledCdcFunction minterSchedule() {
        return minter;
    }

    public ISecret nearSigner() {
        return nearSigner;
    }
}
