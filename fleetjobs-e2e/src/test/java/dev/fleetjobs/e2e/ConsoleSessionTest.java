package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.server.app.SecurityOptions;
import dev.fleetjobs.server.app.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's sessions and cross-site protection over plain HTTP: what a browser on this origin, and another site, can do. */
class ConsoleSessionTest {

    private static Path dataDir;
    private static RunningServer server;
    private static Cli.Key operator;
    private static Cli.Key device;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("fleetjobs-console-session");
        server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir)
                .withSecurity(SecurityOptions.defaults().withRefreshInterval(Duration.ofMillis(100))));
        operator = Cli.addKey(dataDir, "--role", "operator");
        device = Cli.addKey(dataDir, "--role", "device", "--things", "pump-*");
        await().atMost(Duration.ofSeconds(10)).until(() -> new ConsoleClient(server.endpoint())
                .signIn(operator.accessKeyId(), operator.secretAccessKey()).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        server.close();
        TempDirs.delete(dataDir);
    }

    private static ConsoleClient signedIn(Cli.Key key) {
        ConsoleClient client = new ConsoleClient(server.endpoint());
        assertThat(client.signIn(key.accessKeyId(), key.secretAccessKey()).statusCode()).isEqualTo(200);
        return client;
    }

    private static ConsoleClient root() {
        ConsoleClient client = new ConsoleClient(server.endpoint());
        assertThat(client.signIn(RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY).statusCode()).isEqualTo(200);
        return client;
    }

    @Test
    void signInSetsAnHttpOnlyStrictExpiringCookieAndNeverAnswersTheSecret() {
        ConsoleClient client = new ConsoleClient(server.endpoint());
        HttpResponse<String> response = client.signIn(RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("fleetjobs-console=").contains("HttpOnly", "SameSite=Strict", "Path=/console", "Max-Age=28800")
                .doesNotContain("Secure");
        assertThat(response.body()).doesNotContain(RunningServer.SECRET_KEY).contains("\"role\":\"admin\"", "csrfToken");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        // Behind a proxy that ended TLS the cookie is Secure.
        HttpResponse<String> viaTls = client.send("POST", "/console/session", Map.of("Origin", "https://" + server.endpoint().getRawAuthority(),
                "Content-Type", "application/json", "X-Forwarded-Proto", "https"),
                "{\"accessKeyId\":\"" + RunningServer.ACCESS_KEY + "\",\"secretAccessKey\":\"" + RunningServer.SECRET_KEY + "\"}");
        assertThat(viaTls.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    }

    @Test
    void wrongSecretsUnknownKeysAndDeviceKeysAreRefusedWithAClearMessage() {
        HttpResponse<String> wrong = new ConsoleClient(server.endpoint()).signIn(RunningServer.ACCESS_KEY, "not-the-secret");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("x-amzn-ErrorType")).contains("UnauthorizedException");
        assertThat(ConsoleClient.json(wrong).get("message").asText()).isEqualTo("The access key ID or the secret access key is not right.");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> unknown = new ConsoleClient(server.endpoint()).signIn("FJIANOSUCHKEY0000000", "whatever");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());

        HttpResponse<String> deviceKey = new ConsoleClient(server.endpoint()).signIn(device.accessKeyId(), device.secretAccessKey());
        assertThat(deviceKey.statusCode()).isEqualTo(403);
        assertThat(ConsoleClient.json(deviceKey).get("message").asText()).contains("A device key cannot sign in to the console");
        assertThat(deviceKey.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theApiRunsControlPlaneOperationsAsTheSessionsPrincipal() {
        ConsoleClient console = signedIn(operator);
        assertThat(console.api("POST", "/things/pump-console-1", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> described = console.api("GET", "/things/pump-console-1", null);
        assertThat(described.statusCode()).isEqualTo(200);
        assertThat(server.iot().describeThing(r -> r.thingName("pump-console-1")).thingName()).isEqualTo("pump-console-1");

        // Errors come in the API's shape and words.
        HttpResponse<String> missing = console.api("GET", "/jobs/no-such-job", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        assertThat(ConsoleClient.json(missing).get("message").asText()).isEqualTo("Job no-such-job cannot be found.");
        HttpResponse<String> unknown = console.api("GET", "/no/such/operation", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        // The data plane is not reachable through the console, whatever the role.
        assertThat(root().api("PUT", "/things/pump-console-1/jobs/$next", "{}").headers().firstValue("x-amzn-ErrorType"))
                .contains("UnknownOperationException");
    }

    @Test
    void withoutASessionNothingButSignInAnswers() {
        ConsoleClient anonymous = new ConsoleClient(server.endpoint());
        anonymous.cookie = "fleetjobs-console=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        anonymous.csrf = "x";
        HttpResponse<String> response = anonymous.api("GET", "/jobs", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ConsoleClient.json(response).get("message").asText()).isEqualTo("Your console session has ended: sign in again.");
        anonymous.cookie = null;
        assertThat(anonymous.api("GET", "/_fleetjobs/overview", null).statusCode()).isEqualTo(401);
        assertThat(anonymous.send("GET", "/console/session", Map.of(), null).statusCode()).isEqualTo(401);
    }

    @Test
    void crossSiteRequestsAreRefusedAndChangeNothing() {
        ConsoleClient console = root();
        String create = "/console/api/things/pump-evil";
        Map<String, String> otherOrigin = Map.of("Cookie", console.cookie, "X-Fleetjobs-Csrf", console.csrf,
                "Origin", "http://localhost:1", "Content-Type", "application/json");
        assertRefused(console.send("POST", create, otherOrigin, "{}"), "it came from http://localhost:1");

        Map<String, String> noToken = Map.of("Cookie", console.cookie, "Origin", console.origin(), "Content-Type", "application/json");
        assertRefused(console.send("POST", create, noToken, "{}"), "X-Fleetjobs-Csrf header is missing or wrong");

        Map<String, String> wrongToken = Map.of("Cookie", console.cookie, "Origin", console.origin(), "X-Fleetjobs-Csrf", "guess",
                "Content-Type", "application/json");
        assertRefused(console.send("POST", create, wrongToken, "{}"), "X-Fleetjobs-Csrf header is missing or wrong");

        Map<String, String> noOrigin = Map.of("Cookie", console.cookie, "X-Fleetjobs-Csrf", console.csrf, "Content-Type", "application/json");
        assertRefused(console.send("POST", create, noOrigin, "{}"), "it names no Origin");

        Map<String, String> crossSite = Map.of("Cookie", console.cookie, "X-Fleetjobs-Csrf", console.csrf, "Origin", console.origin(),
                "Sec-Fetch-Site", "cross-site", "Content-Type", "application/json");
        assertRefused(console.send("POST", create, crossSite, "{}"), "Sec-Fetch-Site: cross-site");
        assertRefused(console.send("GET", "/console/api/things", Map.of("Cookie", console.cookie, "Sec-Fetch-Site", "cross-site"), null),
                "Sec-Fetch-Site: cross-site");

        // A form on another site can post form data, which sign-in refuses.
        assertRefused(console.send("POST", "/console/session", Map.of("Origin", console.origin(),
                "Content-Type", "application/x-www-form-urlencoded"), "accessKeyId=a&secretAccessKey=b"), "sign-in takes application/json");

        assertThat(server.iot().listThings().things()).noneMatch(t -> t.thingName().equals("pump-evil"));
        assertThat(console.send("POST", create, Map.of("Cookie", console.cookie, "X-Fleetjobs-Csrf", console.csrf,
                "Origin", console.origin(), "Content-Type", "application/json"), "{}").statusCode()).isEqualTo(200);
    }

    private static void assertRefused(HttpResponse<String> response, String why) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
        assertThat(ConsoleClient.json(response).get("message").asText()).startsWith("Cross-site request refused: ").contains(why);
    }

    @Test
    void signOutEndsTheSessionEvenForACopyOfTheCookie() {
        ConsoleClient console = root();
        ConsoleClient copy = new ConsoleClient(server.endpoint());
        copy.cookie = console.cookie;
        copy.csrf = console.csrf;
        assertThat(copy.api("GET", "/jobs", null).statusCode()).isEqualTo(200);

        HttpResponse<String> out = console.send("DELETE", "/console/session", Map.of("Cookie", console.cookie, "Origin", console.origin(),
                "X-Fleetjobs-Csrf", console.csrf), null);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("fleetjobs-console=;").contains("Max-Age=0");
        assertThat(copy.api("GET", "/jobs", null).statusCode()).isEqualTo(401);
    }

    @Test
    void revokingTheKeyEndsItsSessions() {
        Cli.Key key = Cli.addKey(dataDir, "--role", "admin");
        await().atMost(Duration.ofSeconds(10)).until(() -> new ConsoleClient(server.endpoint())
                .signIn(key.accessKeyId(), key.secretAccessKey()).statusCode() == 200);
        ConsoleClient console = signedIn(key);
        assertThat(console.api("GET", "/jobs", null).statusCode()).isEqualTo(200);

        Cli.run("credentials", "revoke", key.accessKeyId(), "--data-dir", dataDir.toString());

        await().atMost(Duration.ofSeconds(10)).until(() -> console.api("GET", "/jobs", null).statusCode() == 401);
        assertThat(ConsoleClient.json(console.api("GET", "/jobs", null)).get("message").asText()).contains("was revoked");
    }

    @Test
    void pagesAreServedFromTheJarWithAStrictContentSecurityPolicyAndEntityTags() {
        ConsoleClient browser = new ConsoleClient(server.endpoint());
        HttpResponse<String> redirect = browser.send("GET", "/console", Map.of(), null);
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).contains("/console/");

        HttpResponse<String> index = browser.send("GET", "/console/", Map.of(), null);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(index.body()).contains("<script type=\"module\" src=\"/console/js/app.js\"></script>");
        String tag = index.headers().firstValue("ETag").orElseThrow();
        assertThat(browser.send("GET", "/console/", Map.of("If-None-Match", tag), null).statusCode()).isEqualTo(304);

        HttpResponse<String> chart = browser.send("GET", "/console/vendor/uplot/uPlot.esm.js", Map.of(), null);
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(browser.send("GET", "/console/js/../../etc/passwd", Map.of(), null).statusCode()).isEqualTo(404);
        assertThat(browser.send("GET", "/console/nothing.js", Map.of(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void unchangedAnswersArePolledFor304() {
        ConsoleClient console = root();
        HttpResponse<String> first = console.api("GET", "/_fleetjobs/overview", null);
        String tag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = console.send("GET", "/console/api/_fleetjobs/overview", Map.of("Cookie", console.cookie,
                "If-None-Match", tag), null);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        server.iot().createThing(r -> r.thingName("pump-poll"));
        server.iot().createJob(r -> r.jobId("job-poll").targets(server.iot().describeThing(t -> t.thingName("pump-poll")).thingArn())
                .document("{}"));
        HttpResponse<String> changed = console.send("GET", "/console/api/_fleetjobs/overview", Map.of("Cookie", console.cookie,
                "If-None-Match", tag), null);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(tag));
    }
}
