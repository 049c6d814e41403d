package io.edgeledger.api.redis;

/** All Redis key names of the API in one place, so an operator can find what lives where. */
public final class RedisKeys {
    public static final String PREFIX = "edgeledger:";
    public static final String API_KEYS = PREFIX + "api-keys";
    public static final String PROBES = PREFIX + "probes";

    private RedisKeys() {}

    /** Hash: check instance id → its newest run (JSON), what the probe list shows as check health. */
    public static String probeChecks(String probeId) {
        return PREFIX + "probe-checks:" + probeId;
    }

    public static String probe(String probeId) {
        return PREFIX + "probe:" + probeId;
    }

    public static String nonce(String probeId, String nonce) {
        return PREFIX + "nonce:" + probeId + ":" + nonce;
    }

    public static String rate(String probeId, long epochSecond) {
        return PREFIX + "rate:" + probeId + ":" + epochSecond;
    }

    public static String job(String jobId) {
        return PREFIX + "job:" + jobId;
    }

    public static String jobQueue(String probeId) {
        return PREFIX + "probe:" + probeId + ":jobs";
    }

    public static String ingested(String kind, String probeId, String batchId) {
        return PREFIX + "ingested:" + kind + ":" + probeId + ":" + batchId;
    }

    /** Set once the S3 marker saying "this session has grouped events on this day" exists. */
    public static String archivedSessionDay(String sessionId, String day) {
        return PREFIX + "archive:session-day:" + sessionId + ":" + day;
    }

    public static String paths(String probeId) {
        return PREFIX + "paths:" + probeId;
    }

    public static final String PATH_PROBES = PREFIX + "paths:probes";

    public static final String METRIC_SERIES = PREFIX + "metrics:series";

    public static String metricPoints(String seriesId) {
        return PREFIX + "metrics:points:" + seriesId;
    }

    public static String checkRuns(String probeId) {
        return PREFIX + "check-runs:" + probeId;
    }

    public static final String DEVLOG_SESSIONS = PREFIX + "devlog:sessions";

    public static String devlogSession(String sessionId) {
        return PREFIX + "devlog:session:" + sessionId;
    }

    public static String devlogEvents(String sessionId) {
        return PREFIX + "devlog:events:" + sessionId;
    }

    public static final String ENROLLMENT_TOKENS = PREFIX + "enrollment-tokens";

    public static String enrollmentToken(String tokenId) {
        return PREFIX + "enrollment-token:" + tokenId;
    }

    /** Exchange attempts in one window: {@code scope} is "all" (per second) or a token id (per minute). */
    public static String enrollmentRate(String scope, long window) {
        return PREFIX + "enrollment-rate:" + scope + ":" + window;
    }
}
