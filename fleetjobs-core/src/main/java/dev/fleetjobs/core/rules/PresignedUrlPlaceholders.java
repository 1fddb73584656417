package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.S3Location;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${aws:iot:s3-presigned-url:<S3 object URL>}} placeholders of a job document (also
 * the {@code -v2} form AWS documents today), which devices receive replaced by a presigned GET
 * URL each time they fetch the document. The object URL may be written in any of the host forms
 * S3 answers to: path style ({@code https://s3.{region}.amazonaws.com/{bucket}/{key}}, also
 * {@code s3.amazonaws.com}, {@code s3-{region}} and {@code s3.dualstack.{region}}) and virtual-hosted
 * style ({@code https://{bucket}.s3.{region}.amazonaws.com/{key}} and the same variants), under
 * {@code amazonaws.com} or {@code amazonaws.com.cn}. The key is percent-decoded.
 */
public final class PresignedUrlPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{aws:iot:s3-presigned-url(?:-v2)?:([^}]*)}");
    private static final Pattern S3_HOST = Pattern.compile(
            "(?:(?<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\\.)?s3(?:[.-](?:dualstack\\.)?[a-z0-9-]+)?\\.amazonaws\\.com(?:\\.cn)?");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private PresignedUrlPlaceholders() {
    }

    /** The objects the document's placeholders name, one per placeholder, in order. */
    public static List<S3Location> locations(String document) {
        List<S3Location> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(document);
        while (matcher.find()) {
            found.add(parse(matcher.group(1)));
        }
        return found;
    }

    public static boolean hasAny(String document) {
        return document != null && PLACEHOLDER.matcher(document).find();
    }

    /**
     * The document with each placeholder replaced by {@code urlFor} of the object it names. The
     * placeholders sit inside JSON strings, so the URL is escaped for one.
     */
    public static String substitute(String document, Function<S3Location, String> urlFor) {
        Matcher matcher = PLACEHOLDER.matcher(document);
        StringBuilder out = new StringBuilder(document.length() + 512);
        while (matcher.find()) {
            String url = urlFor.apply(parse(matcher.group(1)));
            matcher.appendReplacement(out, Matcher.quoteReplacement(url.replace("\\", "\\\\").replace("\"", "\\\"")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Reads an S3 object URL in one of the forms above; anything else is an InvalidRequestException. */
    public static S3Location parse(String url) {
        String rest;
        if (url.startsWith("https://")) {
            rest = url.substring("https://".length());
        } else {
            throw notAnObjectUrl(url, "it must start with https://");
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw notAnObjectUrl(url, "it names no object");
        }
        String host = rest.substring(0, slash).toLowerCase(Locale.ROOT);
        String path = rest.substring(slash + 1);
        if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            throw notAnObjectUrl(url, "it must not carry a query or a fragment");
        }
        Matcher hostMatch = S3_HOST.matcher(host);
        if (!hostMatch.matches()) {
            throw notAnObjectUrl(url, "its host is not an S3 endpoint such as s3.us-east-1.amazonaws.com");
        }
        String bucket = hostMatch.group("bucket");
        if (bucket == null) {
            int next = path.indexOf('/');
            if (next < 0) {
                throw notAnObjectUrl(url, "it names a bucket but no key");
            }
            bucket = path.substring(0, next);
            path = path.substring(next + 1);
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw notAnObjectUrl(url, "'" + bucket + "' is not a valid bucket name");
        }
        String key = decode(path, url);
        if (key.isEmpty()) {
            throw notAnObjectUrl(url, "it names a bucket but no key");
        }
        return new S3Location(bucket, key);
    }

    private static String decode(String text, String url) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%') {
                int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
                int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw notAnObjectUrl(url, "it has a malformed percent escape");
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static InvalidRequestException notAnObjectUrl(String url, String why) {
        String shown = url.length() <= 200 ? url : url.substring(0, 200) + "...";
        return new InvalidRequestException("The presigned URL placeholder ${aws:iot:s3-presigned-url:" + shown
                + "} does not name an S3 object: " + why + ".");
    }
}
