package io.edgeledger.api.ingest;

import io.edgeledger.api.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Inflates a gzip body with a hard cap, so a few kilobytes cannot expand into gigabytes on the heap. */
final class BodyDecoder {
    private BodyDecoder() {}

    static byte[] decode(byte[] body, String contentEncoding, int maxInflated) {
        if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.equalsIgnoreCase("identity")) {
            return body;
        }
        if (!contentEncoding.trim().equalsIgnoreCase("gzip")) {
            throw new ApiException(415, "unsupported_encoding", "Content-Encoding must be gzip or absent, got '" + contentEncoding + "'");
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxInflated, body.length * 4 + 64));
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxInflated) {
                    throw ApiException.tooLarge("the gzip body inflates to more than " + maxInflated + " bytes; send smaller batches");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_gzip", "Content-Encoding is gzip but the body is not valid gzip: " + e.getMessage());
        }
    }
}
