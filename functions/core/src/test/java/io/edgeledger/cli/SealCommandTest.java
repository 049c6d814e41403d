package io.edgeledger.cli;

import static io.edgeledger.ledger.VectorFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.json.JsonObject;
import io.edgeledger.ledger.VectorFiles;
import io.edgeledger.ledger.store.VerifiedBatch;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.testing.EmbeddedS3;
import io.edgeledger.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code ledger seal} against a real S3 API: every sample file becomes batches whose roots are the vectors'. */
class SealCommandTest {
    @Test
    void sealsTheSampleDirectoryIntoVerifiableBatches() {
        try (EmbeddedS3 s3 = EmbeddedS3.start()) {
            String samples = SharedData.resolve("samples/debezium").toString();
            String[] args = {"seal", "--endpoint", s3.endpoint().toString(), "--bucket", "ledger-test", "--access-key", EmbeddedS3.ACCESS_KEY,
                    "--secret-key", EmbeddedS3.SECRET_KEY, "--create-bucket", "--network", "emulator", samples};
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertThat(LedgerCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true))).as(err.toString()).isZero();
            List<String[]> lines = out.toString().lines().map(l -> l.split("\t")).toList();
            // 3 Redis JSONL files with 3 streams each + 6 event files with one table each
            assertThat(lines).hasSize(15).allMatch(l -> l.length == 5 && l[0].startsWith("BATCH-") && l[4].startsWith("s3://ledger-test/"));

            // every leaf-v2 sample batch root appears: samples -> leaves -> S3 -> root end to end
            JsonObject vectors = VectorFiles.load("leaf-v2.json");
            Set<String> printedRoots = lines.stream().map(l -> l[3]).collect(Collectors.toSet());
            for (JsonObject b : objects(vectors, "sample_batches")) {
                assertThat(printedRoots).as(str(b, "source") + " " + str(b, "table")).contains(str(b, "root"));
            }
            // and each printed batch reads back from S3 alone with its root
            try (S3Client client = s3.client()) {
                S3LedgerStore store = new S3LedgerStore(client, "ledger-test");
                for (String[] l : lines) {
                    VerifiedBatch back = store.readBatch(l[4].substring("s3://ledger-test/".length()));
                    assertThat(back.manifest().root()).isEqualTo(l[3]);
                    assertThat(back.manifest().database() + "." + back.manifest().table()).isEqualTo(l[1]);
                    assertThat(back.leaves()).hasSize(Integer.parseInt(l[2]));
                    assertThat(back.manifest().mint().network()).isEqualTo("emulator");
                }
            }
            // sealing again is idempotent: same ids, same roots
            StringWriter again = new StringWriter();
            assertThat(LedgerCli.run(args, new PrintWriter(again, true), new PrintWriter(new StringWriter(), true))).isZero();
            assertThat(again.toString()).isEqualTo(out.toString());
        }
    }

    @Test
    void anUnreachableEndpointIsOneLineAndExit1() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LedgerCli.run(new String[] {"seal", "--endpoint", "http://127.0.0.1:9", "--access-key", "a", "--secret-key", "b",
                SharedData.resolve("samples/debezium/mysql/products.events.json").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("ledger: S3").doesNotContain("secret").doesNotContain("\tat ");
        assertThat(err.toString().strip()).doesNotContain("\n");
    }
}
