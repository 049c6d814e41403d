package io.edgeledger.ledger.store.s3;

import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.Sha256;
import io.edgeledger.ledger.store.LedgerStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ledger's S3 calls as plain SigV4-signed HTTP/1.1 requests (HttpURLConnection, keep-alive).
 * The SDK's per-call machinery (interceptors, endpoint rules, auth-scheme resolution, marshalling) cost
 * more CPU than the batcher's hashing; the ledger only ever needs PUT, GET, LIST and the bucket. The
 * payload hash is signed, so the server checks every body; transient failures (I/O, 500, 503) are
 * retried with back-off, like the SDK's standard retry mode.
 */
final class HttpS3Objects implements S3Objects {
    private static final int ATTEMPTS = 4;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;
    private static final String JSON = "application/json";

    private final String origin;
    /** {@code /bucket} (path-style) or empty (virtual-hosted: the bucket is in the host name). */
    private final String bucketPath;
    private final String host;
    private final String bucket;
    private final String region;
    private final S3Credentials credentials;
    private final SigV4 signer;
    private final Clock clock;
    /** Keys per listing page; S3's own maximum is 1000. */
    private final int pageSize;

    HttpS3Objects(S3Settings settings, S3Credentials credentials, Clock clock) {
        this(settings, credentials, clock, 1000);
    }

    HttpS3Objects(S3Settings settings, S3Credentials credentials, Clock clock, int pageSize) {
        this.pageSize = pageSize;
        URI base = settings.endpoint() != null ? settings.endpoint() : awsEndpoint(settings);
        boolean pathStyle = settings.endpoint() != null || settings.bucket().contains(".");
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
        this.host = hostHeader(base);
        this.bucketPath = pathStyle ? "/" + SigV4.uriEncode(settings.bucket(), false) : "";
        this.bucket = settings.bucket();
        this.region = settings.region();
        this.credentials = credentials;
        this.signer = new SigV4(credentials, settings.region(), "s3");
        this.clock = clock;
    }

    private static URI awsEndpoint(S3Settings settings) {
        String b = settings.bucket();
        return URI.create(b.contains(".") ? "https://s3." + settings.region() + ".amazonaws.com"
                : "https://" + b + ".s3." + settings.region() + ".amazonaws.com");
    }

    /** What the HTTP client sends as Host (the port only when it is not the scheme's default), so we sign the same. */
    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) ? port == 443 : port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    @Override
    public void put(String key, byte[] bytes) {
        Response r = send("PUT", objectPath(key), "", bytes, JSON, "write s3://" + bucket + "/" + key);
        if (r.statusCode() != 200) {
            throw failure("could not write s3://" + bucket + "/" + key, r);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Response r = send("GET", objectPath(key), "", null, null, "read s3://" + bucket + "/" + key);
        if (r.statusCode() == 200) {
            return Optional.of(r.body());
        }
        if (r.statusCode() == 404 && "NoSuchKey".equals(S3Xml.errorCode(r.body()))) {
            return Optional.empty();
        }
        throw failure("could not read s3://" + bucket + "/" + key, r);
    }

    @Override
    public List<String> list(String prefix) {
        S3Xml.ListPage page = null;
        List<String> keys = new ArrayList<>();
        do {
            StringBuilder query = new StringBuilder();
            if (page != null) {
                query.append("continuation-token=").append(SigV4.uriEncode(page.nextToken(), false)).append('&');
            }
            query.append("list-type=2&max-keys=").append(pageSize).append("&prefix=").append(SigV4.uriEncode(prefix, false));
            Response r = send("GET", bucketPath.isEmpty() ? "/" : bucketPath, query.toString(), null, null,
                    "list s3://" + bucket + "/" + prefix);
            if (r.statusCode() != 200) {
                throw failure("could not list s3://" + bucket + "/" + prefix, r);
            }
            page = S3Xml.listPage(r.body());
            keys.addAll(page.keys());
        } while (page.nextToken() != null);
        keys.sort(null);
        return keys;
    }

    @Override
    public void ensureBucket() {
        String path = bucketPath.isEmpty() ? "/" : bucketPath;
        Response head = send("HEAD", path, "", null, null, "reach bucket " + bucket);
        if (head.statusCode() == 200) {
            return;
        }
        if (head.statusCode() != 404) {
            throw failure("bucket " + bucket + " is not reachable", head);
        }
        byte[] body = "us-east-1".equals(region) ? null
                : ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>" + region
                        + "</LocationConstraint></CreateBucketConfiguration>").getBytes(StandardCharsets.UTF_8);
        Response created = send("PUT", path, "", body, "application/xml", "create bucket " + bucket);
        if (created.statusCode() != 200 && !"BucketAlreadyOwnedByYou".equals(S3Xml.errorCode(created.body()))) {
            throw failure("could not create bucket " + bucket, created);
        }
    }

    @Override
    public void close() {
        // nothing to release: idle keep-alive connections belong to the JDK's cache, which times them out
    }

    private String objectPath(String key) {
        return bucketPath + "/" + SigV4.uriEncode(key, true);
    }

    /** A finished exchange: status and the whole body (the connection goes back to the keep-alive pool). */
    private record Response(int statusCode, byte[] body) {}

    private Response send(String method, String path, String query, byte[] body, String contentType, String what) {
        byte[] payload = body == null ? new byte[0] : body;
        String payloadHash = body == null ? SigV4.EMPTY_PAYLOAD_HASH : Hex.of(Sha256.digest(payload));
        URL url = url(path, query);
        IOException lastError = null;
        Response last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                backOff(attempt, what);
            }
            SortedMap<String, String> signed = new TreeMap<>();
            signed.put("host", host);
            signed.put("x-amz-content-sha256", payloadHash);
            signed.put("x-amz-date", SigV4.amzDate(clock.instant()));
            if (credentials.sessionToken() != null) {
                signed.put("x-amz-security-token", credentials.sessionToken());
            }
            String authorization = signer.authorization(method, path, query, signed, payloadHash);
            try {
                last = exchange(url, method, signed, authorization, body, contentType);
                lastError = null;
                if (!retryable(last.statusCode())) {
                    return last;
                }
            } catch (IOException e) {
                lastError = e;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new LedgerStoreException("interrupted while trying to " + what);
            }
        }
        if (lastError != null) {
            throw new LedgerStoreException("could not " + what + " after " + ATTEMPTS + " attempts: " + lastError, lastError);
        }
        return last;
    }

    /**
     * One request over HttpURLConnection: blocking, no extra threads, and the JDK's keep-alive cache
     * reuses the connection once the body is read to the end (java.net.http's selector and executor
     * threads cost more CPU per request than the signing).
     */
    private static Response exchange(URL url, String method, SortedMap<String, String> signed, String authorization, byte[] body,
            String contentType) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        try {
            c.setRequestMethod(method);
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout(READ_TIMEOUT_MS);
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Authorization", authorization);
            for (var h : signed.entrySet()) {
                if (!"host".equals(h.getKey())) {
                    c.setRequestProperty(h.getKey(), h.getValue());
                }
            }
            if ("PUT".equals(method)) {
                byte[] payload = body == null ? new byte[0] : body;
                if (contentType != null) {
                    c.setRequestProperty("Content-Type", contentType);
                }
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(payload.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(payload);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            byte[] bytes;
            if (in == null) {
                bytes = new byte[0];
            } else {
                try (in) {
                    // With a Content-Length, one exact array: readAllBytes grows and copies a half-megabyte
                    // body several times, and every batch object is read back.
                    long length = c.getContentLengthLong();
                    bytes = length >= 0 && length <= Integer.MAX_VALUE - 8 ? in.readNBytes((int) length) : in.readAllBytes();
                    if (length >= 0 && bytes.length != length) {
                        throw new IOException("the answer ended after " + bytes.length + " of " + length + " bytes");
                    }
                }
            }
            return new Response(status, bytes);
        } catch (IOException e) {
            c.disconnect(); // a broken connection must not go back to the pool
            throw e;
        }
    }

    private URL url(String path, String query) {
        try {
            return URI.create(origin + path + (query.isEmpty() ? "" : "?" + query)).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + origin + path, e);
        }
    }

    private static boolean retryable(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
    }

    private static void backOff(int attempt, String what) {
        try {
            Thread.sleep(Math.min(2_000, 100L << (attempt - 2)) + (long) (Math.random() * 50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerStoreException("interrupted while trying to " + what, e);
        }
    }

    private static LedgerStoreException failure(String what, Response r) {
        String code = S3Xml.errorCode(r.body());
        String message = S3Xml.errorMessage(r.body());
        return new LedgerStoreException(what + ": HTTP " + r.statusCode() + (code != null ? " " + code : "")
                + (message != null ? " (" + message + ")" : ""));
    }
}
