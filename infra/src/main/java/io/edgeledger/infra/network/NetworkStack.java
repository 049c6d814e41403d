package io.edgeledger.infra.network;

import io.edgeledger.infra.config.InfraConfig;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * The VPC the functions and Redis live in: public subnets only for the NAT gateway(s), private subnets with
 * egress for the Lambdas (the minter calls the public NEAR RPC), isolated subnets for Redis. S3 traffic goes
 * through a free gateway endpoint instead of the NAT. One security group per client of Redis, so the cache
 * admits exactly the API, the CDC functions, Debezium Server and an operator shell.
 */
public final class NetworkStack extends Stack {
    public static final int REDIS_PORT = 6379;

    private final Vpc vpc;
    private final SecurityGroup apiSecurityGroup;
    private final SecurityGroup cdcSecurityGroup;
    private final SecurityGroup debeziumSecurityGroup;
    private final SecurityGroup operatorSecurityGroup;
    private final SecurityGroup redisSecurityGroup;

    public NetworkStack(Construct scope, String id, StackProps props, InfraConfig config) {
        super(scope, id, props);
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(2)
                .natGateways(config.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("functions").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(22).build(),
                        SubnetConfiguration.builder().name("cache").subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24).build()))
                .gatewayEndpoints(java.util.Map.of("S3",
                        GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build()))
                .build();

        apiSecurityGroup = group("ApiFunctionSg", "EdgeLedger API function", true);
        cdcSecurityGroup = group("CdcFunctionsSg", "EdgeLedger CDC batcher and NEAR minter", true);
        debeziumSecurityGroup = group("DebeziumServerSg", "Attach to Debezium Server so it may write to Redis", true);
        // For an operator shell inside the VPC (CloudShell VPC environment, bastion) running
        // `./edgeledger api create-key` against Redis: the first operator key cannot come through the API.
        operatorSecurityGroup = group("OperatorAccessSg", "Attach to an operator shell in the VPC to reach Redis",
                true);
        redisSecurityGroup = group("RedisSg", "EdgeLedger Redis: clients only", false);
        for (SecurityGroup client : List.of(apiSecurityGroup, cdcSecurityGroup, debeziumSecurityGroup,
                operatorSecurityGroup)) {
            redisSecurityGroup.addIngressRule(client, Port.tcp(REDIS_PORT),
                    "Redis from " + client.getNode().getId());
        }

        CfnOutput.Builder.create(this, "DebeziumSecurityGroupId").value(debeziumSecurityGroup.getSecurityGroupId())
                .description("Security group to attach to Debezium Server (ECS task / EC2) so it reaches Redis")
                .build();
        CfnOutput.Builder.create(this, "OperatorSecurityGroupId").value(operatorSecurityGroup.getSecurityGroupId())
                .description("Security group for an operator shell in the VPC (e.g. to create the first API key)")
                .build();
        CfnOutput.Builder.create(this, "VpcId").value(vpc.getVpcId()).build();
    }

    private SecurityGroup group(String id, String description, boolean allowAllOutbound) {
        return SecurityGroup.Builder.create(this, id).vpc(vpc).description(description)
                .allowAllOutbound(allowAllOutbound).build();
    }

    public Vpc vpc() {
        return vpc;
    }

    public SecurityGroup apiSecurityGroup() {
        return apiSecurityGroup;
    }

    public SecurityGroup cdcSecurityGroup() {
        return cdcSecurityGroup;
    }

    public SecurityGroup debeziumSecurityGroup() {
        return debeziumSecurityGroup;
    }

    public SecurityGroup operatorSecurityGroup() {
        return operatorSecurityGroup;
    }

    public SecurityGroup redisSecurityGroup() {
        return redisSecurityGroup;
    }
}
