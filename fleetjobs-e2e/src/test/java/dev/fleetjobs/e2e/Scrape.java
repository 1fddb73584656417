package dev.fleetjobs.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One scrape of {@code GET /metrics}: the samples of the Prometheus text format, looked up by name and exact label set. */
record Scrape(List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static Scrape of(URI admin) {
        HttpResponse<String> response = get(admin.resolve("/metrics"));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics answered " + response.statusCode());
        }
        return parse(response.body());
    }

    static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            double value = Double.parseDouble(line.substring(space + 1));
            int brace = series.indexOf('{');
            Map<String, String> labels = new TreeMap<>();
            String name = brace < 0 ? series : series.substring(0, brace);
            if (brace >= 0) {
                for (String pair : series.substring(brace + 1, series.length() - 1).split(",(?=[a-z_]+=\")")) {
                    int equals = pair.indexOf('=');
                    labels.put(pair.substring(0, equals), pair.substring(equals + 2, pair.length() - 1));
                }
            }
            samples.add(new Sample(name, labels, value));
        }
        return new Scrape(samples);
    }

    /** The sample's value, 0 when the series is absent; {@code labels} alternate names and values. */
    double value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted)).mapToDouble(Sample::value)
                .findFirst().orElse(0);
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** How much the sample grew since {@code before}. */
    double delta(Scrape before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }
}
