package dev.fleetjobs.server.console;

import dev.fleetjobs.server.http.ConditionalAnswer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's pages, scripts and styles, shipped in the jar: ours under {@code console/} and
 * uPlot from its WebJar under {@code /console/vendor/uplot/}. Each is read once and answered with
 * an entity tag, so a browser revalidates instead of downloading again; a strict content security
 * policy lets pages load nothing but this origin's own files.
 */
final class ConsoleAssets {

    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.(html|js|css|svg|png)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private record Asset(byte[] bytes, String type, String tag) {
    }

    // Only files that exist: names asked for in vain are not kept, so unsigned requests cannot grow it.
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** Answers GET and HEAD of a console file; false when there is no such file. */
    boolean serve(HttpServerRequest request, String pathInConsole) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return false;
        }
        Optional<Asset> asset = asset(pathInConsole.isEmpty() ? "index.html" : pathInConsole);
        if (asset.isEmpty()) {
            return false;
        }
        HttpServerResponse response = request.response();
        securityHeaders(response)
                .putHeader("Content-Type", asset.get().type())
                .putHeader("ETag", asset.get().tag())
                .putHeader("Cache-Control", "no-cache");
        if (asset.get().tag().equals(request.getHeader("If-None-Match"))) {
            response.setStatusCode(304).end();
        } else if (request.method() == HttpMethod.HEAD) {
            response.putHeader("Content-Length", String.valueOf(asset.get().bytes().length)).end();
        } else {
            response.end(Buffer.buffer(asset.get().bytes()));
        }
        return true;
    }

    private Optional<Asset> asset(String path) {
        Asset cached = cache.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Asset> loaded = load(path);
        loaded.ifPresent(asset -> cache.putIfAbsent(path, asset));
        return loaded;
    }

    static HttpServerResponse securityHeaders(HttpServerResponse response) {
        return response
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "same-origin");
    }

    private static Optional<Asset> load(String path) {
        if (!SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        String resource = path.startsWith("vendor/uplot/") ? UPLOT + path.substring("vendor/uplot/".length()) : "console/" + path;
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = path.substring(path.lastIndexOf('.') + 1);
            return Optional.of(new Asset(bytes, TYPES.get(extension), ConditionalAnswer.tag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the console file " + resource, e);
        }
    }
}
