package io.edgeledger.cli;

import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.MerkleTree;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger root --scheme rfc6962 LEAVES.txt} / {@code --scheme etrap-v1 ROWS.jsonl}. */
@Command(name = "root", mixinStandardHelpOptions = true,
        description = "Print the Merkle root: rfc6962 over LEAVES.txt (one leaf's bytes as hex a line), etrap-v1 over ROWS.jsonl (one raw row JSON a line).")
final class RootCommand implements Callable<Integer> {
    @Option(names = "--scheme", defaultValue = "rfc6962", converter = Scheme.Converter.class, description = "rfc6962 (default) or etrap-v1")
    Scheme scheme;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String root = switch (scheme) {
            case RFC6962 -> Hex.of(MerkleTree.fromLeafData(CliInput.hexLeaves(file)).root());
            case ETRAP_V1 -> Scheme.etrapTree(file).root();
        };
        spec.commandLine().getOut().println(root);
        return LedgerCli.OK;
    }
}
