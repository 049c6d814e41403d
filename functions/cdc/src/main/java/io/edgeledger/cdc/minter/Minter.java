package io.edgeledger.cdc.minter;

import io.edgeledger.cdc.Deadline;
import io.edgeledger.cdc.Step;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.keyspace.MintJournal;
import io.edgeledger.cdc.keyspace.MintQueue;
import io.edgeledger.cdc.keyspace.MintRef;
import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.Mint;
import io.edgeledger.ledger.store.LedgerStore;
import io.edgeledger.near.notary.ManifestMint;
import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.MintResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * One minter run: claims due batches from {@code edgeledger:mint-queue}; for each, unless its manifest
 * already says minted, mints it (the client checks the token first), notes the result in Redis, records
 * tx hash and block in the manifest, and only then takes it off the queue. A failure leaves it queued
 * with an exponential back-off. A token that exists with a different root is reported, never overwritten.
 */
public final class Minter {
    private static final Logger LOG = Logger.getLogger(Minter.class.getName());

    private final MinterSettings settings;
    private final LedgerStore store;
    private final ChainNotary notary;
    private final String receiverId;
    private final StepHook hook;
    private final Clock clock;

    public Minter(MinterSettings settings, LedgerStore store, ChainNotary notary, String receiverId, StepHook hook, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.notary = notary;
        this.receiverId = receiverId;
        this.hook = hook;
        this.clock = clock;
    }

    public MinterReport run(Deadline deadline) {
        long minted = 0;
        long already = 0;
        long failed = 0;
        List<String> ids = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (RedisConnection redis = RedisConnection.open(settings.redis())) {
            MintQueue queue = new MintQueue(redis);
            MintJournal journal = new MintJournal(redis);
            int budget = settings.perRun();
            while (budget > 0 && deadline.remainingMillis() > settings.runMarginMillis()) {
                List<MintRef> due = queue.claimDue(clock.millis(), Math.min(budget, 10), settings.leaseMillis());
                if (due.isEmpty()) {
                    break;
                }
                for (MintRef ref : due) {
                    budget--;
                    if (deadline.remainingMillis() <= settings.runMarginMillis()) {
                        break; // the lease runs out and the next run takes it
                    }
                    try {
                        MintResult result = mintOne(journal, ref);
                        queue.complete(ref);
                        journal.clear(ref.batchId());
                        ids.add(ref.batchId());
                        if (result != null && !result.alreadyMinted()) {
                            minted++;
                        } else {
                            already++;
                        }
                    } catch (RuntimeException e) {
                        failed++;
                        long attempt = queue.retryLater(ref, clock.millis(), settings.backoff()::delayMillis);
                        String message = "batch " + ref.batchId() + " (attempt " + attempt + "): " + e.getMessage();
                        errors.add(message);
                        LOG.warning("mint failed, will retry after a back-off: " + message);
                    }
                }
            }
            return new MinterReport(minted, already, failed, ids, errors, queue.size());
        }
    }

    /** Returns the mint result, or null when the manifest already recorded the mint. */
    private MintResult mintOne(MintJournal journal, MintRef ref) {
        Manifest manifest = store.manifest(ref.s3Prefix()).orElseThrow(() -> new MintException("batch " + ref.batchId()
                + " has no complete manifest at s3://" + store.bucket() + "/" + ref.s3Prefix()
                + " (the batcher queues only complete batches: was it deleted?)"));
        if (manifest.mint() != null && manifest.mint().isMinted()) {
            return null;
        }
        MintResult result = journal.notedResult(ref.batchId());
        if (result == null) {
            MintRequest request;
            try {
                request = ManifestMint.fromManifest(manifest, receiverId);
            } catch (IllegalArgumentException e) {
                throw new MintException("manifest of " + ref.batchId() + " cannot be minted: " + e.getMessage());
            }
            List<String> sent = journal.sentTransactions(ref.batchId());
            result = notary.mint(request.withSentTxHashes(sent), hash -> journal.recordSent(ref.batchId(), hash));
            journal.noteResult(ref.batchId(), result);
            hook.reached(Step.AFTER_MINT_BEFORE_MANIFEST);
        }
        if (result.alreadyMinted()) {
            String onChain = notary.rootOf(ref.batchId()).orElse(null);
            if (!manifest.root().equals(onChain)) {
                throw new MintException("token " + ref.batchId() + " already exists on " + notary.network() + " with root " + onChain
                        + " but the batch in S3 has root " + manifest.root() + ": not overwriting; investigate the batch (tampering or an id clash)");
            }
        }
        Mint minted = new Mint(Mint.PENDING, notary.network(), notary.contract(), ref.batchId(), null, null, null, null)
                .minted(result.txHash(), result.blockHash(), result.blockHeight(), Instant.ofEpochMilli(clock.millis()).toString());
        store.updateManifest(manifest.withMint(minted));
        return result;
    }
}
