package io.edgeledger.infra;

import io.edgeledger.infra.api.ApiStack;
import io.edgeledger.infra.artifacts.FunctionZips;
import io.edgeledger.infra.cdc.CdcStack;
import io.edgeledger.infra.config.InfraConfig;
import io.edgeledger.infra.monitoring.MonitoringStack;
import io.edgeledger.infra.network.NetworkStack;
import io.edgeledger.infra.state.StateStack;
import java.util.Map;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * All EdgeLedger stacks of one stage, wired together. Stacks are environment-agnostic (no account/region in
 * the template), so synth never needs AWS credentials or context lookups; `cdk deploy` picks the target
 * account and region from the AWS profile.
 */
public record EdgeLedgerStacks(NetworkStack network, StateStack state, ApiStack api, CdcStack cdc,
                               MonitoringStack monitoring) {

    /** @throws io.edgeledger.infra.artifacts.MissingFunctionZipException before anything is built */
    public static EdgeLedgerStacks create(Construct app, InfraConfig config, FunctionZips zips) {
        zips.requireBuilt().requireRuntime(config.functions().runtime());
        String prefix = "EdgeLedger-" + config.stage() + "-";
        NetworkStack network = new NetworkStack(app, prefix + "Network",
                props("VPC, subnets and security groups"), config);
        StateStack state = new StateStack(app, prefix + "State",
                props("Redis, the S3 ledger and the results archive"), config, network);
        ApiStack api = new ApiStack(app, prefix + "Api",
                props("The API function behind an HTTP API"), config, zips, network, state);
        CdcStack cdc = new CdcStack(app, prefix + "Cdc",
                props("The CDC batcher and the NEAR minter on schedules"), config, zips, network, state);
        MonitoringStack monitoring = new MonitoringStack(app, prefix + "Monitoring",
                props("Alarms on the functions, the API and the minter"), config, api, cdc);
        for (Map.Entry<String, String> tag : Map.of("project", "edgeledger", "stage", config.stage()).entrySet()) {
            Tags.of(app).add(tag.getKey(), tag.getValue());
        }
        return new EdgeLedgerStacks(network, state, api, cdc, monitoring);
    }

    private static StackProps props(String description) {
        return StackProps.builder().description("EdgeLedger: " + description).build();
    }
}
