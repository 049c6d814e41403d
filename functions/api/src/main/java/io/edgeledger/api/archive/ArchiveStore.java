package io.edgeledger.api.archive;

import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.ledger.store.s3.SdkBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The long-term copy of everything ingested, in S3. Current layout (group commit, {@link ArchiveGroupWriter}):
 * {@code grouped/<kind>/<yyyy-mm-dd>/<HHmmss.SSS>-<random>.ndjson} (the UTC day of the data; one object holds the
 * batches of every request that arrived while the previous write was in flight, see {@link ArchiveLines}) and, for
 * devlog events, an empty marker {@code events/by-session/<session>/<yyyy-mm-dd>.day} naming the days whose grouped
 * objects hold that session. Objects of the earlier one-object-per-batch layout
 * ({@code <kind>/<probe>/<yyyy-mm-dd>/<batch_id>.json}, {@code events/by-session/<session>/<batch_id>.json}) are
 * still read. A retried batch may be archived twice (in two groups); readers keep one copy per batch, point or event.
 */
@ApplicationScoped
public class ArchiveStore {
    public static final String SESSION_DAY_SUFFIX = ".day";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final java.time.format.DateTimeFormatter GROUP_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HHmmss.SSS").withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final String bucket;
    private final AtomicBoolean bucketChecked = new AtomicBoolean();

    @jakarta.inject.Inject
    public ArchiveStore(S3Client s3, ApiConfig config) {
        this(s3, config.s3().archiveBucket());
    }

    public ArchiveStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    public static String groupPrefix(String kind, LocalDate day) {
        return "grouped/" + kind + "/" + day + "/";
    }

    /** A new object name under a group prefix: time of writing first so a listing comes out in order. */
    public static String groupKey(String prefix, Instant now) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return prefix + GROUP_TIME.format(now) + "-" + java.util.HexFormat.of().formatHex(random) + ".ndjson";
    }

    /** Says that grouped events objects of {@code day} hold events of this session. */
    public static String sessionDayKey(String sessionId, LocalDate day) {
        return sessionPrefix(sessionId) + day + SESSION_DAY_SUFFIX;
    }

    /** Prefix of the earlier one-object-per-batch layout (read only). */
    public static String dailyPrefix(String kind, String probeId, LocalDate day) {
        return kind + "/" + segment(probeId) + "/" + day + "/";
    }

    public static String sessionPrefix(String sessionId) {
        return "events/by-session/" + segment(sessionId) + "/";
    }

    public void put(String key, byte[] bytes, String contentType) {
        try {
            ensureBucket();
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw ApiException.unavailable("archive_unavailable",
                    "could not archive the batch to S3 (bucket " + bucket + "); nothing was stored or marked ingested, retry later: " + e.getMessage());
        }
    }

    /** The objects under a prefix; empty when the bucket does not exist yet. */
    public List<String> keys(String prefix, int max) {
        List<String> keys = new ArrayList<>();
        try {
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
                for (S3Object object : page.contents()) {
                    keys.add(object.key());
                    if (keys.size() >= max) {
                        return keys;
                    }
                }
            }
        } catch (NoSuchBucketException e) {
            return List.of();
        } catch (SdkException e) {
            throw ApiException.unavailable("archive_unavailable", "could not read the S3 archive: " + e.getMessage());
        }
        return keys;
    }

    public byte[] get(String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (SdkException e) {
            throw ApiException.unavailable("archive_unavailable", "could not read " + key + " from the S3 archive: " + e.getMessage());
        }
    }

    /** Creates the archive bucket on first use (the local stack starts without it); a no-op once it exists. */
    private void ensureBucket() {
        if (bucketChecked.get()) {
            return;
        }
        SdkBuckets.ensure(s3, bucket);
        bucketChecked.set(true);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value == null ? "_" : value, StandardCharsets.UTF_8);
    }
}
