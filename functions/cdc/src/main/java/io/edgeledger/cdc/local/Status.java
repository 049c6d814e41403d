package io.edgeledger.cdc.local;

import io.edgeledger.cdc.wiring.Components;
import io.edgeledger.cdc.config.Settings;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.ManifestJson;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code cdc status}: every complete batch in the ledger bucket with its root and mint state. */
final class Status {
    private Status() {}

    static int print(Settings settings, boolean json, PrintStream out) {
        try (S3LedgerStore store = S3LedgerStore.open(Components.s3(settings))) {
            List<Manifest> manifests = new ArrayList<>();
            for (String prefix : store.batchPrefixes("")) {
                store.manifest(prefix).ifPresent(manifests::add);
            }
            if (json) {
                StringBuilder array = new StringBuilder("[");
                for (Manifest m : manifests) {
                    if (array.length() > 1) {
                        array.append(',');
                    }
                    array.append(new String(ManifestJson.write(m), StandardCharsets.UTF_8));
                }
                out.println(array.append(']'));
            } else {
                out.printf("%-28s %-32s %6s  %-64s  %s%n", "batch", "table", "leaves", "root", "mint");
                for (Manifest m : manifests) {
                    String mint = m.mint() == null ? "-" : m.mint().status() + (m.mint().txHash() == null ? "" : " " + m.mint().txHash());
                    out.printf("%-28s %-32s %6d  %-64s  %s%n", m.batchId(), m.database() + "." + m.table(), m.leafCount(), m.root(), mint);
                }
            }
            return 0;
        }
    }
}
