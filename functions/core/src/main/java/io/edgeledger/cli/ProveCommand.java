package io.edgeledger.cli;

import io.edgeledger.json.CompactJsonWriter;
import io.edgeledger.json.JsonObject;
import io.edgeledger.ledger.etrap.EtrapTree;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.MerkleTree;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger prove --scheme S --index I FILE}: the inclusion proof in the vectors' JSON format. */
@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Print the inclusion proof of leaf I as JSON: rfc6962 {leaf_index, tree_size, audit_path}; etrap-v1 {tx_id, leaf_index, proof_path, sibling_positions}.")
final class ProveCommand implements Callable<Integer> {
    @Option(names = "--scheme", defaultValue = "rfc6962", converter = Scheme.Converter.class, description = "rfc6962 (default) or etrap-v1")
    Scheme scheme;

    @Option(names = "--index", required = true, description = "0-based leaf index")
    int index;

    @Parameters(paramLabel = "FILE", description = "LEAVES.txt (rfc6962) or ROWS.jsonl (etrap-v1)")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonObject proof = switch (scheme) {
            case RFC6962 -> {
                MerkleTree tree = MerkleTree.fromLeafData(CliInput.hexLeaves(file));
                checkIndex(tree.size());
                List<String> path = tree.inclusionProof(index).stream().map(Hex::of).toList();
                yield JsonObject.builder().put("leaf_index", index).put("tree_size", tree.size()).put("audit_path", CliInput.strings(path)).build();
            }
            case ETRAP_V1 -> {
                EtrapTree tree = Scheme.etrapTree(file);
                checkIndex(tree.originalCount());
                yield tree.proof(index).toJson();
            }
        };
        spec.commandLine().getOut().println(CompactJsonWriter.write(proof));
        return LedgerCli.OK;
    }

    private void checkIndex(int size) {
        if (index < 0 || index >= size) {
            throw CliException.badInput("--index " + index + " is outside 0.." + (size - 1) + " (" + size + " leaves in " + file + ")");
        }
    }
}
