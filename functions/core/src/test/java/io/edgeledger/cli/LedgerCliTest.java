package io.edgeledger.cli;

import static io.edgeledger.ledger.VectorFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.json.CompactJsonWriter;
import io.edgeledger.json.JsonObject;
import io.edgeledger.ledger.VectorFiles;
import io.edgeledger.ledger.merkle.Hex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The ledger CLI in-process against the shared vectors: stdout, stderr and exit codes. */
class LedgerCliTest {
    @TempDir
    static Path dir;

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LedgerCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static String file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p.toString();
    }

    @TestFactory
    Stream<DynamicTest> leafAnswersEveryLeafV2Case() {
        JsonObject vectors = VectorFiles.load("leaf-v2.json");
        int[] n = {0};
        return cases(vectors, "cases").stream().map(c -> DynamicTest.dynamicTest(str(c, "label"), () -> {
            String input = file("input-" + n[0]++ + ".json", CompactJsonWriter.write(c.get("input")));
            Run r = cli("leaf", input);
            JsonObject expected = (JsonObject) c.get("expected");
            if (str(expected, "result").equals("leaf")) {
                assertThat(r).isEqualTo(new Run(0, str(expected, "leaf_hash") + "\n", ""));
            } else {
                assertThat(r.code()).isEqualTo(1);
                assertThat(r.out()).isEmpty();
                assertThat(r.err()).contains(str(expected, "result").equals("no_leaf") ? str(expected, "reason") : str(expected, "error"));
                assertThat(r.err().strip()).doesNotContain("\n");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> rfc6962RootProveVerifyConsistency() {
        JsonObject vectors = VectorFiles.load("merkle-rfc6962.json");
        return cases(vectors, "tree_cases").stream().map(c -> DynamicTest.dynamicTest(str(c, "name"), () -> {
            List<JsonObject> leaves = objects(c, "leaves");
            String leavesFile = file(str(c, "name") + ".txt", leaves.stream()
                    .map(l -> Hex.of(str(l, "leaf_data").getBytes(StandardCharsets.UTF_8))).collect(Collectors.joining("\n", "", "\n")));
            assertThat(cli("root", "--scheme", "rfc6962", leavesFile)).isEqualTo(new Run(0, str(c, "root") + "\n", ""));
            List<JsonObject> proofs = objects(c, "inclusion_proofs");
            for (int k = 0; k < proofs.size(); k += Math.max(1, proofs.size() / 4)) {
                JsonObject p = proofs.get(k);
                int i = (int) num(p, "leaf_index");
                Run prove = cli("prove", "--scheme", "rfc6962", "--index", Integer.toString(i), leavesFile);
                assertThat(prove.code()).isZero();
                assertThat(io.edgeledger.json.StrictJsonParser.parse(prove.out())).isEqualTo(p);
                String proofFile = file("proof.json", prove.out());
                String leafHex = Hex.of(str(leaves.get(i), "leaf_data").getBytes(StandardCharsets.UTF_8));
                String[] verify = {"verify", "--scheme", "rfc6962", "--root", str(c, "root"), "--index", Integer.toString(i),
                        "--size", Long.toString(leaves.size()), "--leaf-hex", leafHex, "--proof", proofFile};
                assertThat(cli(verify)).isEqualTo(new Run(0, "valid\n", ""));
                verify[10] = leafHex + "00"; // another leaf
                assertThat(cli(verify)).isEqualTo(new Run(1, "invalid\n", ""));
                if (leaves.size() > 1) {
                    verify[10] = leafHex;
                    verify[6] = Integer.toString((i + 1) % leaves.size()); // wrong index
                    assertThat(cli(verify)).isEqualTo(new Run(1, "invalid\n", ""));
                }
            }
            for (JsonObject p : objects(c, "consistency_proofs")) {
                Run r = cli("consistency", "--old", Long.toString(num(p, "first_size")), "--new", Long.toString(num(p, "second_size")), leavesFile);
                assertThat(r.code()).isZero();
                assertThat(io.edgeledger.json.StrictJsonParser.parse(r.out())).isEqualTo(p);
            }
        }));
    }

    /** Every tampered inclusion proof the vectors test rejects, the CLI rejects too: exit 1, "invalid". */
    @TestFactory
    Stream<DynamicTest> tamperedRfc6962ProofsAreInvalid() {
        List<JsonObject> inclusion = io.edgeledger.ledger.merkle.ProofTampering.rfc6962(VectorFiles.load("merkle-rfc6962.json"))
                .stream().filter(t -> str(t, "kind").equals("inclusion")).toList();
        return nonEmpty(inclusion, "tampered inclusion proofs").stream().map(t -> DynamicTest.dynamicTest(str(t, "description"), () -> {
            String proof = file("tampered.json", CompactJsonWriter.write(JsonObject.builder().put("audit_path", t.get("audit_path")).build()));
            assertThat(cli("verify", "--scheme", "rfc6962", "--root", str(t, "root"), "--index", Long.toString(num(t, "leaf_index")),
                    "--size", Long.toString(num(t, "tree_size")), "--leaf-hex", str(t, "leaf_data_hex"), "--proof", proof))
                    .isEqualTo(new Run(1, "invalid\n", ""));
        }));
    }

    @TestFactory
    Stream<DynamicTest> etrapV1RootProveVerify() {
        JsonObject vectors = VectorFiles.load("merkle-etrap-v1.json");
        return cases(vectors, "tree_cases").stream().filter(c -> num(c, "size") > 0).map(c -> DynamicTest.dynamicTest(str(c, "name"), () -> {
            List<JsonObject> rows = objects(c, "rows");
            String rowsFile = file("rows-" + str(c, "name") + ".jsonl", rows.stream().map(r -> str(r, "row_json")).collect(Collectors.joining("\n")));
            assertThat(cli("root", "--scheme", "etrap-v1", rowsFile)).isEqualTo(new Run(0, str(c, "root") + "\n", ""));
            List<JsonObject> proofs = objects(c, "proofs");
            for (int k = 0; k < proofs.size(); k += Math.max(1, proofs.size() / 4)) {
                JsonObject p = proofs.get(k);
                int i = (int) num(p, "leaf_index");
                Run prove = cli("prove", "--scheme", "etrap-v1", "--index", Integer.toString(i), rowsFile);
                assertThat(io.edgeledger.json.StrictJsonParser.parse(prove.out())).isEqualTo(p);
                String[] verify = {"verify", "--scheme", "etrap-v1", "--root", str(c, "root"), "--index", Integer.toString(i),
                        "--size", Long.toString(rows.size()), "--row", file("row.json", str(rows.get(i), "row_json")),
                        "--proof", file("eproof.json", prove.out())};
                assertThat(cli(verify)).isEqualTo(new Run(0, "valid\n", ""));
                verify[4] = str(c, "root").toUpperCase();
                assertThat(cli(verify)).isEqualTo(new Run(1, "invalid\n", ""));
            }
        }));
    }

    @Test
    void badArgumentsAndUnreadableInputAreOneLineAndExit2() throws IOException {
        for (String[] args : List.of(
                new String[] {},
                new String[] {"root"},
                new String[] {"root", "--scheme", "sha1", "x.txt"},
                new String[] {"root", dir.resolve("missing.txt").toString()},
                new String[] {"root", file("bad.txt", "zz\n")},
                new String[] {"leaf", file("notjson.json", "{")},
                new String[] {"leaf", file("nokind.json", "{\"kind\":\"mqtt\"}")},
                new String[] {"prove", "--index", "5", file("two.txt", "00\n01\n")},
                new String[] {"prove", "--index", "x", file("two2.txt", "00\n01\n")},
                new String[] {"consistency", "--old", "3", "--new", "2", file("two3.txt", "00\n01\n")},
                new String[] {"verify", "--root", "ab", "--index", "0", "--size", "1", "--leaf-hex", "00", "--proof", file("p.json", "[]")},
                new String[] {"verify", "--root", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "--index", "0",
                        "--size", "1", "--leaf-hex", "00", "--proof", file("p2.json", "[")},
                new String[] {"seal", dir.resolve("nothing-here").toString()})) {
            Run r = cli(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            assertThat(r.err()).as(String.join(" ", args)).startsWith("ledger: ").endsWith("\n");
            assertThat(r.err().strip()).as(String.join(" ", args)).doesNotContain("\n");
        }
    }

    @Test
    void verifyByLeafHashAndTheEtrapBoundsCheck() throws IOException {
        JsonObject size3 = objects(VectorFiles.load("merkle-etrap-v1.json"), "tree_cases").stream()
                .filter(c -> str(c, "name").equals("size-3")).findFirst().orElseThrow();
        JsonObject s3 = (JsonObject) size3.get("s3_merkle_tree");
        List<JsonObject> nodes = objects(s3, "nodes");
        String root = str(size3, "root");
        // original leaf 2 by its hash: valid; the padding leaf 3 has a valid hash chain but is out of bounds
        String proof2 = file("p2e.json", CompactJsonWriter.write(((JsonObject) s3.get("proof_index")).get("tx-2")));
        assertThat(cli("verify", "--scheme", "etrap-v1", "--root", root, "--index", "2", "--size", "3", "--leaf-hash", str(nodes.get(2), "hash"),
                "--proof", proof2)).isEqualTo(new Run(0, "valid\n", ""));
        String padProof = file("p3e.json", "{\"proof_path\":[\"" + str(nodes.get(2), "hash") + "\",\"" + str(nodes.get(4), "hash")
                + "\"],\"sibling_positions\":[\"left\",\"left\"]}");
        assertThat(cli("verify", "--scheme", "etrap-v1", "--root", root, "--index", "3", "--size", "4", "--leaf-hash", str(nodes.get(3), "hash"),
                "--proof", padProof)).as("hash chain alone").isEqualTo(new Run(0, "valid\n", ""));
        assertThat(cli("verify", "--scheme", "etrap-v1", "--root", root, "--index", "3", "--size", "3", "--leaf-hash", str(nodes.get(3), "hash"),
                "--proof", padProof)).as("bounds check").isEqualTo(new Run(1, "invalid\n", ""));

        JsonObject size5 = objects(VectorFiles.load("merkle-rfc6962.json"), "tree_cases").stream()
                .filter(c -> str(c, "name").equals("size-5")).findFirst().orElseThrow();
        JsonObject p = objects(size5, "inclusion_proofs").get(4);
        assertThat(cli("verify", "--root", str(size5, "root"), "--index", "4", "--size", "5", "--leaf-hash",
                str(objects(size5, "leaves").get(4), "leaf_hash"), "--proof", file("p5.json", CompactJsonWriter.write(p))))
                .isEqualTo(new Run(0, "valid\n", ""));
    }

    @Test
    void emptyLeafFileHasTheEmptyRoot() throws IOException {
        assertThat(cli("root", "--scheme", "rfc6962", file("empty.txt", ""))).isEqualTo(
                new Run(0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n", ""));
    }
}
