package io.edgeledger.cli;

import io.edgeledger.json.JsonValue;
import io.edgeledger.ledger.etrap.EtrapLeaf;
import io.edgeledger.ledger.etrap.EtrapVerifier;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.MerkleVerifier;
import io.edgeledger.ledger.merkle.Rfc6962;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger verify ...}: prints valid (exit 0) or invalid (exit 1). */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify an inclusion proof; prints valid (exit 0) or invalid (exit 1). rfc6962: --leaf-hex; etrap-v1: --row.")
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--scheme", defaultValue = "rfc6962", converter = Scheme.Converter.class, description = "rfc6962 (default) or etrap-v1")
    Scheme scheme;

    @Option(names = "--root", required = true, description = "the batch root, hex")
    String root;

    @Option(names = "--index", required = true, description = "0-based leaf index")
    long index;

    @Option(names = "--size", required = true, description = "leaves in the tree (etrap-v1: original, unpadded count)")
    long size;

    @Option(names = "--leaf-hex", description = "rfc6962: the leaf's bytes as hex")
    String leafHex;

    @Option(names = "--row", description = "etrap-v1: file with the raw row JSON")
    Path row;

    @Option(names = "--leaf-hash", description = "instead of --leaf-hex / --row: the leaf hash itself, hex")
    String leafHash;

    @Option(names = "--proof", required = true, description = "PROOF.json as 'prove' prints it (or a bare array of hashes)")
    Path proof;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonValue proofJson = CliInput.json(proof);
        boolean valid = switch (scheme) {
            case RFC6962 -> {
                if ((leafHex == null) == (leafHash == null) || row != null) {
                    throw CliException.badInput("--scheme rfc6962 needs one of --leaf-hex or --leaf-hash (and no --row)");
                }
                byte[] hash = leafHash != null ? CliInput.hash(leafHash, "--leaf-hash") : Rfc6962.leafHash(CliInput.hex(leafHex, "--leaf-hex"));
                byte[] rootHash = CliInput.hash(root, "--root");
                List<byte[]> path = new ArrayList<>();
                boolean wellFormed = true;
                for (String h : CliInput.stringList(proofJson, "audit_path", proof.toString())) {
                    try {
                        path.add(Hex.parseHash(h));
                    } catch (IllegalArgumentException e) {
                        wellFormed = false; // a path element that is no hash cannot verify
                    }
                }
                yield wellFormed && MerkleVerifier.verifyInclusion(hash, index, size, path, rootHash);
            }
            case ETRAP_V1 -> {
                if ((row == null) == (leafHash == null) || leafHex != null) {
                    throw CliException.badInput("--scheme etrap-v1 needs one of --row ROW.json or --leaf-hash (and no --leaf-hex)");
                }
                String hash = leafHash;
                if (row != null) {
                    try {
                        hash = EtrapLeaf.rowLeafHash(CliInput.read(row).strip());
                    } catch (IllegalArgumentException e) {
                        throw CliException.badInput(row + ": " + e.getMessage());
                    }
                }
                yield EtrapVerifier.verify(hash, index, size, CliInput.stringList(proofJson, "proof_path", proof.toString()),
                        CliInput.stringList(proofJson, "sibling_positions", proof.toString()), root.strip());
            }
        };
        spec.commandLine().getOut().println(valid ? "valid" : "invalid");
        return valid ? LedgerCli.OK : LedgerCli.NEGATIVE;
    }
}
