package io.edgeledger.cli;

import io.edgeledger.near.notary.NotarySettings;
import io.edgeledger.near.notary.NotaryViews;
import io.edgeledger.near.rpc.NearRpcClient;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the notary contract is asked about tokens; unset options come from EDGELEDGER_NEAR_* in the environment. */
final class NearOptions {
    @Option(names = "--rpc", description = "NEAR RPC URL (default: EDGELEDGER_NEAR_RPC, else the local emulator)")
    URI rpc;

    @Option(names = "--contract", description = "notary contract account that holds the tokens (default: EDGELEDGER_NEAR_CONTRACT)")
    String contract;

    @Option(names = "--timeout", description = "seconds per RPC request (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 10;

    NotaryViews views() {
        NotarySettings env = NotarySettings.from(System::getenv);
        return new NotaryViews(new NearRpcClient(rpc != null ? rpc : env.rpc(), Duration.ofSeconds(timeoutSeconds)),
                contract != null ? contract : env.contract());
    }
}
