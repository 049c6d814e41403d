package io.edgeledger.infra.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.infra.SynthesizedStage;
import io.edgeledger.infra.TemplateValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkStackTest {
    static Template template;

    @BeforeAll
    static void synth() {
        SynthesizedStage stage = SynthesizedStage.defaults();
        template = stage.template(stage.stacks.network());
    }

    @Test
    void vpcHasPublicPrivateAndIsolatedSubnetsInTwoZonesWithOneNat() {
        template.resourceCountIs("AWS::EC2::VPC", 1);
        template.resourceCountIs("AWS::EC2::SecurityGroup", 5);
        template.resourceCountIs("AWS::EC2::Subnet", 6);
        template.resourceCountIs("AWS::EC2::NatGateway", 1);
        template.hasResourceProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", false,
                "Tags", Match.arrayWith(List.of(Map.of("Key", "aws-cdk:subnet-name", "Value", "functions")))));
        template.hasResourceProperties("AWS::EC2::Subnet", Map.of(
                "Tags", Match.arrayWith(List.of(Map.of("Key", "aws-cdk:subnet-type", "Value", "Isolated")))));
    }

    @Test
    void s3TrafficUsesAGatewayEndpoint() {
        template.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway",
                "ServiceName", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                        Match.arrayWith(List.of(".s3"))))))));
    }

    @Test
    void redisAdmitsOnlyItsFourClientGroupsOnItsPort() {
        String redisSg = TemplateValues.logicalId(template, "AWS::EC2::SecurityGroup",
                Map.of("GroupDescription", "EdgeLedger Redis: clients only"));
        Map<String, Map<String, Object>> ingress = template.findResources("AWS::EC2::SecurityGroupIngress",
                Map.of("Properties", Map.of("GroupId", Map.of("Fn::GetAtt", List.of(redisSg, "GroupId")))));
        assertThat(ingress).hasSize(4);
        for (String client : List.of("EdgeLedger API function", "EdgeLedger CDC batcher and NEAR minter",
                "Attach to Debezium Server so it may write to Redis",
                "Attach to an operator shell in the VPC to reach Redis")) {
            String sg = TemplateValues.logicalId(template, "AWS::EC2::SecurityGroup", Map.of("GroupDescription", client));
            template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                    "GroupId", Map.of("Fn::GetAtt", List.of(redisSg, "GroupId")),
                    "SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(sg, "GroupId")),
                    "FromPort", NetworkStack.REDIS_PORT, "ToPort", NetworkStack.REDIS_PORT, "IpProtocol", "tcp"));
        }
        // Redis itself opens no outbound connections.
        template.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", "EdgeLedger Redis: clients only",
                "SecurityGroupEgress", Match.arrayWith(List.of(Match.objectLike(Map.of("CidrIp", "255.255.255.255/32"))))));
    }

    @Test
    void exportsTheClientSecurityGroupsForThingsOutsideTheApp() {
        template.hasOutput("DebeziumSecurityGroupId", Match.objectLike(Map.of("Value", Match.anyValue())));
        template.hasOutput("OperatorSecurityGroupId", Match.objectLike(Map.of("Value", Match.anyValue())));
    }
}
