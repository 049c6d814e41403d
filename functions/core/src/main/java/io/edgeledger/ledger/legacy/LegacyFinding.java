package io.edgeledger.ledger.legacy;

/**
 * Something met while reading or checking a legacy batch: a quirk of the original agent (harmless, reported
 * so an auditor knows) or a defect that breaks verification. Never an exception: bad legacy data is data.
 */
public record LegacyFinding(Kind kind, String object, String detail) {

    public enum Kind {
        /** An object the layout needs is absent ({@code batch-data.json}, {@code merkle-tree.json}). */
        OBJECT_MISSING(true),
        /** An object is not JSON (e.g. truncated by a crash between PUTs): {@code detail} says where it stops. */
        OBJECT_UNREADABLE(true),
        /** A required field is absent or of the wrong type. */
        FIELD_MISSING(true),
        /** A transaction's {@code metadata.hash} differs from its {@code merkle_leaf.hash}. */
        LEAF_HASHES_DISAGREE(true),
        /** The root recomputed from the stored leaf hashes differs from the stored root. */
        ROOT_MISMATCH(true),
        /** {@code merkle-tree.json} and {@code batch-data.json}'s {@code merkle_tree} disagree. */
        TREE_COPIES_DISAGREE(true),
        /** A stored per-leaf proof does not verify against the stored root. */
        PROOF_INVALID(true),
        /** Counts disagree (transactions vs {@code original_count}, leaf indexes out of order). */
        COUNT_MISMATCH(true),
        /** The recorded mint transaction hash is not a NEAR base58 hash (a recorded or stubbed call). */
        STAND_IN_TX_HASH(false),
        /** {@code data_location.storage_path} names objects the agent never wrote: rows are not in S3. */
        ROW_DATA_NOT_STORED(false),
        /** The batch lacks its index objects ({@code indices/*.json}); verification does not need them. */
        INDEX_MISSING(false);

        private final boolean breaksVerification;

        Kind(boolean breaksVerification) {
            this.breaksVerification = breaksVerification;
        }

        public boolean breaksVerification() {
            return breaksVerification;
        }
    }

    public static LegacyFinding of(Kind kind, String object, String detail) {
        return new LegacyFinding(kind, object, detail);
    }
}
