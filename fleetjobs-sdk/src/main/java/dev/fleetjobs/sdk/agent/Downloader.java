package dev.fleetjobs.sdk.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs download steps: the file is fetched into {@code <path>.part} next to its place, resumed
 * with {@code Range} after an interruption (a restart of the agent asks the service for the
 * document again, so it gets a fresh URL), hashed as it arrives, and moved into place only when
 * its SHA-256 is the one the document names. An optional rate limit keeps a device's link usable.
 */
final class Downloader {

    /** Told how far a download is, at most once per reporting interval. */
    @FunctionalInterface
    interface Progress {
        void report(long done, long total);
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER = 64 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final Path workDir;
    private final long bytesPerSecond;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private volatile boolean cancelled;
    private volatile InputStream current;

    /** @param bytesPerSecond 0 for no limit */
    Downloader(Path workDir, long bytesPerSecond) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Where a download's file goes. */
    Path target(Download download) {
        return workDir.resolve(download.path()).normalize();
    }

    StepResult run(Action action, Duration reportEvery, Progress progress) {
        Download download = action.download();
        Path target = target(download);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            if (Files.isRegularFile(target) && sha256(target).equals(download.sha256())) {
                return done(target, Files.size(target), "already there");
            }
            StepResult result = fetch(action, partial, target, reportEvery, progress);
            if (result == null) {
                // the resumed part did not hash right (it was damaged); one fresh start
                Files.deleteIfExists(partial);
                result = fetch(action, partial, target, reportEvery, progress);
            }
            return result != null ? result : failed(action, "the downloaded file's SHA-256 is not " + download.sha256());
        } catch (IOException e) {
            return failed(action, cancelled ? "the agent stopped during the download" : "download failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(action, "interrupted during the download");
        }
    }

    /** Stops a download under way; the part stays for the next start. */
    void cancel() {
        cancelled = true;
        InputStream stream = current;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
        }
    }

    /** @return the result, or null when a resumed file hashed wrong */
    private StepResult fetch(Action action, Path partial, Path target, Duration reportEvery, Progress progress)
            throws IOException, InterruptedException {
        Download download = action.download();
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        boolean resuming = have > 0;
        long resumedAt = have;
        MessageDigest digest = digestOf(partial, have);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(download.url())).timeout(Duration.ofMinutes(5)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        long total;
        try (InputStream body = response.body()) {
            current = body;
            int status = response.statusCode();
            if (status == 416 && have > 0) {
                total = have;
            } else if (status == 206) {
                Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (!range.matches() || Long.parseLong(range.group(1)) != have) {
                    Files.deleteIfExists(partial);
                    return failed(action, "the server answered a range that does not continue the partial download");
                }
                total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
                have = copy(body, partial, true, digest, have, total, reportEvery, progress);
            } else if (status == 200) {
                digest.reset();
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                have = copy(body, partial, false, digest, 0, total, reportEvery, progress);
            } else {
                byte[] start = body.readNBytes(300);
                return failed(action, "download failed: HTTP " + status + " " + new String(start, StandardCharsets.UTF_8));
            }
        } finally {
            current = null;
        }
        if (cancelled) {
            return failed(action, "the agent stopped during the download");
        }
        String hash = HEX.formatHex(digest.digest());
        if (!hash.equals(download.sha256())) {
            boolean resumed = resuming && response.statusCode() != 200;
            Files.deleteIfExists(partial);
            return resumed ? null : failed(action, "the downloaded file's SHA-256 is " + hash + ", not " + download.sha256());
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return done(target, have, resuming ? "resumed at byte " + resumedAt + ", downloaded" : "downloaded");
    }

    private long copy(InputStream body, Path partial, boolean append, MessageDigest digest, long have, long total, Duration reportEvery,
                      Progress progress) throws IOException, InterruptedException {
        long done = have;
        long started = System.nanoTime();
        long sentThisRun = 0;
        long lastReport = System.nanoTime();
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while (!cancelled && (read = body.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                done += read;
                sentThisRun += read;
                if (System.nanoTime() - lastReport >= reportEvery.toNanos()) {
                    progress.report(done, total);
                    lastReport = System.nanoTime();
                }
                throttle(started, sentThisRun);
            }
            out.force(true);
        }
        return done;
    }

    /** Waits until {@code sent} bytes are within the rate limit since {@code startedNanos}. */
    private void throttle(long startedNanos, long sent) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long dueNanos = sent * 1_000_000_000L / bytesPerSecond;
        long aheadMillis = (dueNanos - (System.nanoTime() - startedNanos)) / 1_000_000L;
        if (aheadMillis > 0) {
            Thread.sleep(aheadMillis);
        }
    }

    private static MessageDigest digestOf(Path partial, long length) throws IOException {
        MessageDigest digest = newDigest();
        if (length > 0) {
            try (InputStream in = Files.newInputStream(partial)) {
                byte[] buffer = new byte[BUFFER];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    digest.update(buffer, 0, read);
                }
            }
        }
        return digest;
    }

    private static String sha256(Path file) throws IOException {
        return HEX.formatHex(digestOf(file, Files.size(file)).digest());
    }

    private static StepResult done(Path target, long size, String how) {
        return new StepResult(0, how + " " + size + " bytes to " + target, "", 0, null);
    }

    private static StepResult failed(Action action, String why) {
        return new StepResult(-1, "", "", 0, "Step '" + action.name() + "': " + why);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
