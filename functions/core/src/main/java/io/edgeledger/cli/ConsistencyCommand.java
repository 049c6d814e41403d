package io.edgeledger.cli;

import io.edgeledger.json.CompactJsonWriter;
import io.edgeledger.json.JsonObject;
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

/** {@code ledger consistency --old N --new M LEAVES.txt}: RFC 6962 PROOF(N, D[M]) as JSON. */
@Command(name = "consistency", mixinStandardHelpOptions = true,
        description = "Print the RFC 6962 consistency proof between the trees of the first N and the first M leaves: {first_size, second_size, first_root, second_root, proof}.")
final class ConsistencyCommand implements Callable<Integer> {
    @Option(names = "--old", required = true, description = "old tree size N")
    int oldSize;

    @Option(names = "--new", required = true, description = "new tree size M (at most the leaves in the file)")
    int newSize;

    @Parameters(paramLabel = "LEAVES.txt")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<byte[]> leaves = CliInput.hexLeaves(file);
        if (newSize < 0 || newSize > leaves.size()) {
            throw CliException.badInput("--new " + newSize + " is outside 0.." + leaves.size() + " (leaves in " + file + ")");
        }
        if (oldSize < 0 || oldSize > newSize) {
            throw CliException.badInput("--old " + oldSize + " must be between 0 and --new " + newSize);
        }
        MerkleTree tree = MerkleTree.fromLeafData(leaves.subList(0, newSize));
        List<String> proof = tree.consistencyProof(oldSize).stream().map(Hex::of).toList();
        spec.commandLine().getOut().println(CompactJsonWriter.write(JsonObject.builder()
                .put("first_size", oldSize).put("second_size", newSize)
                .put("first_root", Hex.of(tree.rootAt(oldSize))).put("second_root", Hex.of(tree.root()))
                .put("proof", CliInput.strings(proof)).build()));
        return LedgerCli.OK;
    }
}
