package io.edgeledger.api.archive;

import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
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
 * The long-term copy of everything ingested, in S3: {@code <kind>/<probe>/<yyyy-mm-dd>/<batch_id>.json} (the day of
 * the data, UTC) and, for devlog events, {@code events/by-session/<session>/<batch_id>.json}. Keys are derived from
 * the batch id, so a retried ingestion overwrites the same object with the same bytes.
 */
@ApplicationScoped
public class ArchiveStore {
    private final S3Client s3;
    private final String bucket;
    private final AtomicBoolean bucketChecked = new AtomicBoolean();

    public ArchiveStore(S3Client s3, ApiConfig config) {
        this.s3 = s3;
        this.bucket = config.s3().archiveBucket();
    }

    public static String dailyKey(String kind, String probeId, Instant day, String batchId) {
        return kind + "/" + segment(probeId) + "/" + LocalDate.ofInstant(day, ZoneOffset.UTC) + "/" + batchId + ".json";
    }

    public static String sessionKey(String sessionId, String batchId) {
        return "events/by-session/" + segment(sessionId) + "/" + batchId + ".json";
    }

    public static String dailyPrefix(String kind, String probeId, LocalDate day) {
        return kind + "/" + segment(probeId) + "/" + day + "/";
    }

    public static String sessionPrefix(String sessionId) {
        return "events/by-session/" + segment(sessionId) + "/";
    }

    public void put(String key, byte[] bytes) {
        try {
            ensureBucket();
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw ApiException.unavailable("archive_unavailable",
                    "could not archive the batch to S3 (bucket " + bucket + "); nothing was stored, retry later: " + e.getMessage());
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
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
        bucketChecked.set(true);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value == null ? "_" : value, StandardCharsets.UTF_8);
    }
}
