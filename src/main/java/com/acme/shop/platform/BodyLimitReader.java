package com.acme.shop.platform;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of every body a resource reads and stops at the route's limit (see {@link BodyLimits}): the
 * check for a body sent without a {@code Content-Length} (chunked), which the early check cannot see.
 */
@Provider
public class BodyLimitReader implements ReaderInterceptor {

    private final BodyLimits limits;
    private final HttpServerRequest request;

    BodyLimitReader(BodyLimits limits, HttpServerRequest request) {
        this.limits = limits;
        this.request = request;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream(), limits.limitFor(request.path())));
        return context.proceed();
    }

    private static final class Limited extends FilterInputStream {

        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw BodyLimits.tooLarge(limit);
            }
        }
    }
}
