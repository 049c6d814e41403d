package io.edgeledger.infra.state;

import io.edgeledger.infra.config.InfraConfig;
import io.edgeledger.infra.network.NetworkStack;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/** Everything stateful, in one stack so the function stacks can be replaced freely: Redis and the buckets. */
public final class StateStack extends Stack {
    private final RedisCache redis;
    private final Bucket ledgerBucket;
    private final Bucket resultsBucket;

    public StateStack(Construct scope, String id, StackProps props, InfraConfig config, NetworkStack network) {
        super(scope, id, props);
        redis = new RedisCache(this, "Redis", config.namePrefix(), config.cache(), network.vpc(),
                network.redisSecurityGroup());
        ledgerBucket = new LedgerBucket(this, "Ledger", config.ledgerObjectLock()).bucket();
        resultsBucket = new ResultsArchiveBucket(this, "ResultsArchive", config.resultsArchiveExpireDays()).bucket();

        CfnOutput.Builder.create(this, "RedisUrl").value(redis.url())
                .description("Point Debezium Server's Redis sink here (TLS: debezium.sink.redis.ssl.enabled=true)")
                .build();
        CfnOutput.Builder.create(this, "LedgerBucketName").value(ledgerBucket.getBucketName()).build();
        CfnOutput.Builder.create(this, "ResultsBucketName").value(resultsBucket.getBucketName()).build();
    }

    public RedisCache redis() {
        return redis;
    }

    public Bucket ledgerBucket() {
        return ledgerBucket;
    }

    public Bucket resultsBucket() {
        return resultsBucket;
    }
}
