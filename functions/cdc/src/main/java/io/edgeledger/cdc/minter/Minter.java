package io.edgeledger.cdc.minter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.ManifestJson;
import io.edgeledger.ledger.batch.Mint;
import io.edgeledger.ledger.store.LedgerStore;
import io.edgeledger.cdc.Deadline;
import io.edgeledger.cdc.Step;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.streams.RedisConnection;
import io.edgeledger.cdc.streams.RedisEndpoint;
import io.edgeledger.cdc.streams.StreamReplyText;
import io.edgeledger.near.notary.ManifestMint;
import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.MintResult;
import java.io.IOException;
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
    /** Mint results noted between the chain call and the manifest update (batch id → result JSON). */
    public static final String RESULTS_KEY = "edgeledger:mint-results";
    /**
     * Per batch, the hashes of the mint transactions signed for it, journaled before each is sent: after a
     * crash during the mint call the next run learns which one minted the token (NEAR has no token → tx lookup).
     */
    public static final String SENT_KEY_PREFIX = "edgeledger:mint-sent:";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        try (RedisConnection redis = RedisConnection.open(RedisEndpoint.parse(settings.redisUrl()))) {
            MintQueue queue = new MintQueue(redis);
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
                        MintResult result = mintOne(redis, ref);
                        queue.complete(ref);
                        redis.call("HDEL", RESULTS_KEY, ref.batchId());
                        redis.call("DEL", SENT_KEY_PREFIX + ref.batchId());
                        ids.add(ref.batchId());
                        if (result != null && !result.alreadyMinted()) {
                            minted++;
                        } else {
                            already++;
                        }
                    } catch (RuntimeException e) {
                        failed++;
                        long attempt = queue.retryLater(ref, clock.millis(), settings.backoff());
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
    @SuppressWarnings("unchecked")
    private MintResult mintOne(RedisConnection redis, MintRef ref) {
        Manifest manifest = store.manifest(ref.s3Prefix()).orElseThrow(() -> new MintException("batch " + ref.batchId()
                + " has no complete manifest at s3://" + store.bucket() + "/" + ref.s3Prefix()
                + " (the batcher queues only complete batches: was it deleted?)"));
        if (manifest.mint() != null && manifest.mint().isMinted()) {
            return null;
        }
        MintResult result = notedResult(redis, ref);
        if (result == null) {
            MintRequest request;
            try {
                request = ManifestMint.fromManifest(JSON.readTree(ManifestJson.write(manifest)), receiverId);
            } catch (IOException e) {
                throw new MintException("manifest of " + ref.batchId() + " cannot be read as JSON: " + e.getMessage());
            }
            String sentKey = SENT_KEY_PREFIX + ref.batchId();
            List<String> sent = new ArrayList<>();
            for (Object hash : (List<Object>) redis.call("LRANGE", sentKey, "0", "-1")) {
                sent.add(StreamReplyText.of(hash));
            }
            result = notary.mint(request.withSentTxHashes(sent), hash -> redis.call("RPUSH", sentKey, hash));
            note(redis, ref, result);
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

    private MintResult notedResult(RedisConnection redis, MintRef ref) {
        Object noted = redis.call("HGET", RESULTS_KEY, ref.batchId());
        if (noted == null) {
            return null;
        }
        try {
            var node = JSON.readTree(StreamReplyText.of(noted));
            return new MintResult(MintResult.Status.valueOf(node.path("status").asText()), ref.batchId(),
                    node.path("tx_hash").asText(null), node.path("block_hash").asText(null),
                    node.hasNonNull("block_height") ? node.get("block_height").asLong() : null, null);
        } catch (IOException | IllegalArgumentException e) {
            return null; // unreadable note: the token check makes minting again safe
        }
    }

    private static void note(RedisConnection redis, MintRef ref, MintResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", result.status().name());
        node.put("tx_hash", result.txHash());
        node.put("block_hash", result.blockHash());
        if (result.blockHeight() != null) {
            node.put("block_height", result.blockHeight());
        }
        redis.call("HSET", RESULTS_KEY, ref.batchId(), node.toString());
    }
}
