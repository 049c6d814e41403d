package io.edgeledger.cli;

import io.edgeledger.ledger.etrap.EtrapLeaf;
import io.edgeledger.ledger.etrap.EtrapTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The two Merkle schemes the CLI speaks, by their manifest names. */
enum Scheme {
    RFC6962("rfc6962"), ETRAP_V1("etrap-v1");

    final String label;

    Scheme(String label) {
        this.label = label;
    }

    /** picocli converter: a bad name is a one-line usage error. */
    static final class Converter implements CommandLine.ITypeConverter<Scheme> {
        @Override
        public Scheme convert(String value) {
            for (Scheme s : values()) {
                if (s.label.equals(value)) {
                    return s;
                }
            }
            throw new CommandLine.TypeConversionException("unknown scheme '" + value + "' (expected rfc6962 or etrap-v1)");
        }
    }

    /** ROWS.jsonl (one raw row JSON a line) to etrap-v1 SDK leaf hashes. */
    static List<String> etrapLeafHashes(Path rows) {
        List<String> hashes = new ArrayList<>();
        int n = 0;
        for (String line : CliInput.lines(rows)) {
            n++;
            try {
                hashes.add(EtrapLeaf.rowLeafHash(line));
            } catch (IllegalArgumentException e) {
                throw CliException.badInput(rows + ": line " + n + ": " + e.getMessage());
            }
        }
        return hashes;
    }

    static EtrapTree etrapTree(Path rows) {
        List<String> hashes = etrapLeafHashes(rows);
        if (hashes.isEmpty()) {
            throw CliException.badInput(rows + ": no rows (an empty etrap-v1 batch has no tree)");
        }
        return EtrapTree.of(hashes);
    }
}
