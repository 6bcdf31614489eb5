package com.acme.shop.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * What every HTTP exchange gets, whichever part of the service answers it (REST, {@code /q/*}, static
 * files, unmatched paths): a request id, the security headers, and problem+json for bare HTTP errors.
 */
@ApplicationScoped
public class HttpPlatform {

    private final ObjectMapper mapper;
    private final HttpConfig config;
    private final BodyLimits bodyLimits;

    HttpPlatform(ObjectMapper mapper, HttpConfig config, BodyLimits bodyLimits) {
        this.mapper = mapper;
        this.config = config;
        this.bodyLimits = bodyLimits;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::decorate);
        // After decorate (so the 413 carries the headers), before Quarkus's own upload limit (order -2).
        router.route().order(-500).handler(this::limitBody);
        // Unmatched paths: REST hands them on, and nothing else claims them.
        router.route().last().handler(ctx -> problem(ctx, 404, "No such resource"));
    }

    private void decorate(RoutingContext ctx) {
        String requestId = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        // Written back onto the request so mappers and logs deep inside read the same id.
        ctx.request().headers().set(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        boolean hsts = config.hsts();
        String csp = config.contentSecurityPolicy();
        ctx.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = ctx.response();
            response.putHeader(RequestIds.HEADER, requestId);
            response.putHeader("X-Content-Type-Options", "nosniff");
            response.putHeader("X-Frame-Options", "DENY");
            response.putHeader("Content-Security-Policy", csp);
            response.putHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            if (hsts) {
                response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            cacheControl(ctx, response);
        });
        ctx.next();
    }

    /**
     * A body declared larger than its route accepts is refused before a byte of it is read; the connection is
     * closed, since the client may still be sending. A body without a length is counted by {@link BodyLimitReader}.
     */
    private void limitBody(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        // A client waiting for 100-continue hung on this early answer (JDK 17's HttpClient): leave it to Quarkus's
        // own limit (above 32 MB) and to BodyLimitReader, which counts the body once it is sent.
        boolean waitsForContinue = ctx.request().getHeader(HttpHeaders.EXPECT) != null;
        if (declared != null && !waitsForContinue) {
            long limit = bodyLimits.limitFor(ctx.normalizedPath());
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1; // Vert.x's HTTP codec refuses a malformed length before this runs
            }
            if (length > limit) {
                // As Quarkus's own limit does: close once answered, or a client waiting to send its body (Expect:
                // 100-continue) and the server waiting to read it would both hang.
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                ctx.response().endHandler(ignored -> ctx.request().connection().close());
                problem(ctx, 413, BodyLimits.tooLarge(limit).getMessage());
                return;
            }
        }
        ctx.next();
    }

    /**
     * {@code no-store} on every API answer but the public catalog reads (see {@link #isPublicCatalogRead}),
     * decided here so that it also covers what Quarkus answers before our code runs (401, 405, 413...). Then
     * the web UI's caching: its HTML shell (index.html, also the answer to every client-side route) is
     * revalidated on each visit so a deploy reaches browsers at once; the bundles under /assets carry a
     * content hash in their names, so they never change and are cached for a year.
     */
    private static void cacheControl(RoutingContext ctx, HttpServerResponse response) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/api/")) {
            if (!(isPublicCatalogRead(ctx.request().method(), path) && response.getStatusCode() < 400)) {
                // Tokens, carts, orders, addresses, and every error: no browser, proxy or CDN may keep a copy.
                response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return;
        }
        String contentType = response.headers().get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith("text/html")) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        } else if (response.getStatusCode() == 200 && ctx.normalizedPath().startsWith("/assets/")) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
        }
    }

    /**
     * The anonymous catalog reads anyone may cache ({@code GET /api/v1/products}, {@code /api/v1/products/{slug}},
     * {@code /api/v1/categories}); their own caching headers are set where they are answered.
     */
    static boolean isPublicCatalogRead(HttpMethod method, String path) {
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && PUBLIC_CATALOG_READS.matcher(path).matches();
    }

    private static final Pattern PUBLIC_CATALOG_READS =
            Pattern.compile("/api/v1/(products(/[^/]+)?|categories)/?");

    private void problem(RoutingContext ctx, int status, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(Problems.forStatus(status, detail, RequestIds.of(ctx.request())));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
