package io.edgeledger.infra.state;

import io.edgeledger.infra.config.CacheConfig;
import io.edgeledger.infra.config.CacheKind;
import io.edgeledger.infra.network.NetworkStack;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnServerlessCache;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.constructs.Construct;

/**
 * ElastiCache (Valkey or Redis OSS) holding probes, nonces, jobs and the Debezium streams. TLS in transit and
 * encryption at rest are always on, so clients use {@code rediss://}. The streams are the only copy of events
 * not yet sealed into S3: keep daily snapshots and, in production, a replica (cacheNodes=2) for failover.
 */
public final class RedisCache extends Construct {
    private final String url;
    private final String endpointAddress;

    public RedisCache(Construct scope, String id, String name, CacheConfig config, IVpc vpc,
                      ISecurityGroup securityGroup) {
        super(scope, id);
        List<String> subnetIds = vpc.selectSubnets(
                SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build()).getSubnetIds();
        String port;
        if (config.kind() == CacheKind.SERVERLESS) {
            CfnServerlessCache cache = CfnServerlessCache.Builder.create(this, "Serverless")
                    .serverlessCacheName(name)
                    .description("EdgeLedger state and Debezium streams")
                    .engine(config.engine())
                    .majorEngineVersion(config.engine().equals("valkey") ? "8" : "7")
                    .subnetIds(subnetIds)
                    .securityGroupIds(List.of(securityGroup.getSecurityGroupId()))
                    .snapshotRetentionLimit(7)
                    .build();
            endpointAddress = cache.getAttrEndpointAddress();
            port = cache.getAttrEndpointPort();
        } else {
            CfnSubnetGroup subnets = CfnSubnetGroup.Builder.create(this, "Subnets")
                    .description("EdgeLedger Redis in isolated subnets")
                    .subnetIds(subnetIds)
                    .build();
            boolean replicated = config.nodes() > 1;
            CfnReplicationGroup group = CfnReplicationGroup.Builder.create(this, "ReplicationGroup")
                    .replicationGroupId(name)
                    .replicationGroupDescription("EdgeLedger state and Debezium streams")
                    .engine(config.engine())
                    .engineVersion(config.engine().equals("valkey") ? "8.0" : "7.1")
                    .cacheNodeType(config.nodeType())
                    .numCacheClusters(config.nodes())
                    .automaticFailoverEnabled(replicated)
                    .multiAzEnabled(replicated)
                    .transitEncryptionEnabled(true)
                    .atRestEncryptionEnabled(true)
                    .cacheSubnetGroupName(subnets.getRef())
                    .securityGroupIds(List.of(securityGroup.getSecurityGroupId()))
                    .port(NetworkStack.REDIS_PORT)
                    .snapshotRetentionLimit(7)
                    .build();
            // Deleting the stack keeps a final snapshot: the streams may hold events not yet sealed into S3.
            group.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
            endpointAddress = group.getAttrPrimaryEndPointAddress();
            port = group.getAttrPrimaryEndPointPort();
        }
        url = "rediss://" + endpointAddress + ":" + port;
    }

    /** {@code rediss://host:port} of the primary endpoint. */
    public String url() {
        return url;
    }

    public String endpointAddress() {
        return endpointAddress;
    }
}
