package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetjobs.cli.FleetjobsCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import picocli.CommandLine;

/**
 * An operator of a server: the {@code fleetjobs} command run in-process with the server's URL and
 * the root credentials in its environment, and raw control-plane requests signed as {@code iot}
 * for Fleetjobs' own routes, which the AWS clients do not know.
 */
final class Operator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final RawClient raw;

    Operator(URI endpoint) {
        this.endpoint = endpoint;
        this.raw = new RawClient(endpoint);
    }

    /** {@code fleetjobs ARGS}, as typed in a shell where FLEETJOBS_URL and the AWS_* keys are set. */
    Cli.Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = FleetjobsCommand.commandLine(Map.of("FLEETJOBS_URL", endpoint.toString(),
                "AWS_ACCESS_KEY_ID", RunningServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(args);
        return new Cli.Result(exit, out.toString(), err.toString());
    }

    /** A signed control-plane request, answered as it came. */
    HttpResponse<String> send(String method, String path, String body) {
        return raw.signed("iot", method, path, body);
    }

    /** A signed control-plane request that must succeed; its JSON answer. */
    JsonNode ok(String method, String path, String body) {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return json(response.body());
    }

    JsonNode describeJob(String jobId) {
        return ok("GET", "/jobs/" + jobId, null).path("job");
    }

    JsonNode pause(String jobId, String reason) {
        return ok("POST", "/_fleetjobs/jobs/" + jobId + "/pause", reason == null ? null : "{\"reason\":\"" + reason + "\"}");
    }

    JsonNode resume(String jobId) {
        return ok("POST", "/_fleetjobs/jobs/" + jobId + "/resume", null);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
