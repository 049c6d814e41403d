package io.edgeledger.api.errors;

import io.edgeledger.api.config.ApiConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body limit for bodies sent without a Content-Length (Transfer-Encoding: chunked): {@link BodySizeLimit} can only
 * judge a declared length, so here the body is counted as the endpoint reads it, and reading past the limit fails with
 * {@link BodyTooLargeException} (413 {@code body_too_large}) before the rest is buffered or bound.
 */
@Provider
@PreMatching
public class UnsizedBodyLimit implements ContainerRequestFilter {
    /** Looked up per request: JAX-RS providers are made while the application starts, before its config mapping exists. */
    private final Instance<ApiConfig> config;

    public UnsizedBodyLimit(Instance<ApiConfig> config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.CONTENT_LENGTH) == null && request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), config.get().api().maxBodyBytes()));
        }
    }

    /** Counts what was read; one byte past the limit is an error (a body of exactly the limit passes). */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
