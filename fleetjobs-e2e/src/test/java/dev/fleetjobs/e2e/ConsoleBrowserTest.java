package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.fleetjobs.server.app.SecurityOptions;
import dev.fleetjobs.server.app.ServerConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecutionStatus;

/**
 * The console in a real headless Chromium against a live server with the embedded MQTT broker:
 * sign-in and its refusals, jobs appearing and moving live, a job made with the form reaching a
 * device and canceled, a cross-site form refused, sign-out. Takes the README's screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Path dataDir;
    private static RunningServer server;
    private static Browser browser;
    private static Cli.Key device;
    private static MqttDevice pump;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("fleetjobs-console-browser");
        server = RunningServer.withPlainMqtt(ServerConfig.defaults("127.0.0.1", 0, dataDir)
                .withSecurity(SecurityOptions.defaults().withRefreshInterval(Duration.ofMillis(100))), false, List.of());
        device = Cli.addKey(dataDir, "--role", "device", "--things", "pump-*");
        for (String thing : List.of("pump-1", "pump-2", "pump-3", "pump-4", "pump-form")) {
            server.iot().createThing(r -> r.thingName(thing).attributePayload(a -> a.attributes(Map.of("site", "north"))));
        }
        server.iot().createThingGroup(r -> r.thingGroupName("plant"));
        server.iot().createThingGroup(r -> r.thingGroupName("line-a").parentGroupName("plant"));
        server.iot().addThingToThingGroup(r -> r.thingGroupName("line-a").thingName("pump-1"));
        pump = MqttDevice.connect(server.mqttPort(), "pump-form").subscribeToJobs();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (pump != null) {
            pump.close();
        }
        server.close();
        TempDirs.delete(dataDir);
    }

    private static String console() {
        return server.endpoint() + "/console/";
    }

    private static WebElement find(String css) {
        try {
            return await().atMost(WAIT).ignoreExceptions().until(() -> browser.driver.findElement(By.cssSelector(css)), e -> e.isDisplayed());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("No " + css + " was shown; " + browser.diagnosis(), e);
        }
    }

    private static String text(String css) {
        return find(css).getText();
    }

    private static void awaitText(String css, String expected) {
        try {
            await().atMost(WAIT).ignoreExceptions().until(() -> browser.driver.findElement(By.cssSelector(css)).getText(),
                    t -> t.contains(expected));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(css + " never showed \"" + expected + "\"; " + browser.diagnosis(), e);
        }
    }

    private static void signIn(String id, String secret) {
        WebElement idField = find("#access-key-id");
        idField.clear();
        idField.sendKeys(id);
        WebElement secretField = find("#secret-access-key");
        secretField.clear();
        secretField.sendKeys(secret);
        browser.driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
    }

    @Test
    @Order(1)
    void aDeviceKeyAndAWrongSecretAreRefusedThenTheRootKeySignsIn() {
        browser.driver.get(console());
        find("#access-key-id");
        assertThat(browser.driver.findElement(By.xpath("//label[normalize-space()='Access key ID']")).getAttribute("for"))
                .isEqualTo("access-key-id");
        assertThat(browser.driver.findElement(By.xpath("//label[normalize-space()='Secret access key']")).getAttribute("for"))
                .isEqualTo("secret-access-key");
        browser.screenshot("console-sign-in", 800);

        await().atMost(WAIT).until(() -> new ConsoleClient(server.endpoint()).signIn(device.accessKeyId(), device.secretAccessKey())
                .statusCode() == 403);
        signIn(device.accessKeyId(), device.secretAccessKey());
        awaitText("[role=alert]", "A device key cannot sign in to the console");

        signIn(RunningServer.ACCESS_KEY, "not-the-secret");
        awaitText("[role=alert]", "The access key ID or the secret access key is not right.");
        assertThat(browser.driver.manage().getCookieNamed("fleetjobs-console")).isNull();

        signIn(RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY);
        awaitText("h1", "Overview");
        assertThat(text("#who-name")).contains(RunningServer.ACCESS_KEY, "admin");
        Cookie cookie = browser.driver.manage().getCookieNamed("fleetjobs-console");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        // The secret is nowhere in the page or the browser's storage.
        assertThat(browser.driver.getPageSource()).doesNotContain(RunningServer.SECRET_KEY);
        assertThat((String) browser.driver.executeScript("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie"))
                .doesNotContain(RunningServer.SECRET_KEY).doesNotContain(cookie.getValue());
    }

    @Test
    @Order(2)
    void aJobCreatedThroughTheApiAppearsInTheList() {
        server.iot().createJob(r -> r.jobId("firmware-api").targets(arn("pump-1")).document("{\"operation\":\"install\"}")
                .description("Made with the AWS SDK"));
        browser.driver.get(console() + "#/jobs");
        awaitText("#jobs", "firmware-api");
        assertThat(text("tr[data-job='firmware-api']")).contains("In progress", "0 of 1 finished");

        // Search by id.
        browser.driver.get(console() + "#/jobs?q=nothing-like-it");
        awaitText("main", "No jobs match.");
    }

    @Test
    @Order(3)
    void theChartAndCountsMoveWhileADeviceCompletesExecutions() {
        server.iot().createJob(r -> r.jobId("firmware-live").targets(arn("pump-1"), arn("pump-2"), arn("pump-3"), arn("pump-4"))
                .document("{\"operation\":\"install\",\"version\":\"2.1\"}").description("Version 2.1 for the north site"));
        browser.driver.get(console() + "#/jobs/firmware-live");
        awaitText("[data-count=QUEUED] .n", "4");
        await().atMost(WAIT).until(() -> latest("QUEUED") == 4);

        finish("pump-1", JobExecutionStatus.SUCCEEDED, Map.of("step", "done"));
        awaitText("[data-count=SUCCEEDED] .n", "1");
        await().atMost(WAIT).until(() -> latest("SUCCEEDED") == 1 && latest("QUEUED") == 3);

        finish("pump-2", JobExecutionStatus.SUCCEEDED, Map.of("step", "done"));
        finish("pump-3", JobExecutionStatus.FAILED, Map.of("reason", "checksum mismatch"));
        server.jobs().startNextPendingJobExecution(r -> r.thingName("pump-4"));
        awaitText("[data-count=SUCCEEDED] .n", "2");
        awaitText("[data-count=FAILED] .n", "1");
        awaitText("[data-count=IN_PROGRESS] .n", "1");
        await().atMost(WAIT).until(() -> latest("SUCCEEDED") == 2 && latest("FAILED") == 1 && latest("IN_PROGRESS") == 1);
        awaitText("#executions", "pump-3");
        assertThat(text("#job-document")).contains("\"version\": \"2.1\"");
        assertThat(text("#configuration")).contains("Rollout: every target at once.");
        browser.fullPageScreenshot("console-job", 1000);

        // One execution's details and history.
        browser.driver.findElement(By.cssSelector("tr[data-thing='pump-3'] button")).click();
        awaitText("#status-details", "reason: checksum mismatch");
        awaitText("#execution-detail", "History of this job on pump-3");
    }

    @Test
    @Order(4)
    void theOverviewShowsTheFleetTheLatestFailuresAndConnectedDevices() {
        browser.driver.get(console() + "#/");
        awaitText("[data-count=exec-SUCCEEDED] .n", "2");
        awaitText("[data-count=connected] .n", "1");
        awaitText("#failures", "checksum mismatch");
        assertThat(text("#failures")).contains("pump-3", "firmware-live", "Failed");
        browser.fullPageScreenshot("console-overview", 1000);

        browser.size(390, 844);
        browser.driver.navigate().refresh();
        awaitText("#failures", "checksum mismatch");
        browser.screenshot("console-overview-phone", 390);
        browser.size(1280, 900);
    }

    @Test
    @Order(5)
    void aJobCreatedWithTheFormReachesTheDevice() {
        browser.driver.get(console() + "#/new-job");
        WebElement jobId = find("#jobId");
        jobId.sendKeys("bad id!");
        awaitText("#jobId-problem", "Only letters, digits, - and _");
        jobId.clear();
        jobId.sendKeys("firmware-form");
        WebElement rate = find("#maximumPerMinute");
        rate.sendKeys("5000");
        awaitText("#maximumPerMinute-problem", "from 1 to 1000");
        rate.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
        find("#target-search").sendKeys("pump-form");
        find("#target-results button").click();
        awaitText("#chosen-targets", "thing pump-form");
        find("#preview-targets").click();
        awaitText("#preview", "This job would reach 1 thing.");
        browser.fullPageScreenshot("console-new-job", 1000);

        find("#create-job").click();
        awaitText("h1", "Job firmware-form");
        MqttDevice.Message next = pump.awaitMessage(pump.prefix() + "/notify-next", 1);
        assertThat(next.json().path("execution").path("jobId").asText()).isEqualTo("firmware-form");
        assertThat(server.iot().describeJob(r -> r.jobId("firmware-form")).job().targets()).containsExactly(arn("pump-form"));
    }

    @Test
    @Order(6)
    void theJobIsCanceledFromItsPage() {
        browser.driver.get(console() + "#/jobs/firmware-form");
        find("#cancel-reason").sendKeys("WRONG_BUILD");
        find("#cancel-comment").sendKeys("Built from the wrong branch");
        find("#cancel-force").click();
        find("#cancel-job button[type=submit]").click();
        browser.driver.switchTo().alert().accept();
        awaitText("#job-status", "Canceled");
        assertThat(server.iot().describeJob(r -> r.jobId("firmware-form")).job().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(server.iot().describeJob(r -> r.jobId("firmware-form")).job().reasonCode()).isEqualTo("WRONG_BUILD");
        awaitText("[data-count=CANCELED] .n", "1");
    }

    @Test
    @Order(7)
    void thingsAndGroupsShowTheTreeAttributesAndExecutions() {
        browser.driver.get(console() + "#/things");
        awaitText("#group-tree", "plant");
        find("#group-tree li button").click();
        awaitText("#group-tree", "line-a");
        awaitText("#things", "site = north");
        browser.screenshot("console-things", 1000);
        browser.driver.get(console() + "#/things/pump-1");
        awaitText("main", "line-a");
        awaitText("#thing-executions", "firmware-live");
    }

    @Test
    @Order(8)
    void aFormOnAnotherSiteCannotPostToTheConsole() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String target = server.endpoint() + "/console/api/things/pump-cross-site";
        byte[] page = ("<!doctype html><form id=f method=post action='" + target + "' enctype='text/plain'>"
                + "<input name='{\"a\":\"' value='b\"}'></form><script>document.getElementById('f').submit()</script>")
                .getBytes(StandardCharsets.UTF_8);
        other.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            // localhost and 127.0.0.1 are different sites to the browser.
            browser.driver.get("http://localhost:" + other.getAddress().getPort() + "/");
            await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().startsWith(target));
            assertThat(browser.driver.getPageSource()).contains("Cross-site request refused");
        } finally {
            other.stop(0);
        }
        assertThat(server.iot().listThings().things()).noneMatch(t -> t.thingName().equals("pump-cross-site"));
    }

    @Test
    @Order(9)
    void signOutEndsTheSession() {
        browser.driver.get(console() + "#/");
        awaitText("h1", "Overview");
        Cookie cookie = browser.driver.manage().getCookieNamed("fleetjobs-console");
        find("#sign-out").click();
        find("#access-key-id");
        assertThat(browser.driver.manage().getCookieNamed("fleetjobs-console")).isNull();
        ConsoleClient copy = new ConsoleClient(server.endpoint());
        copy.cookie = "fleetjobs-console=" + cookie.getValue();
        assertThat(copy.api("GET", "/jobs", null).statusCode()).isEqualTo(401);
    }

    /** The chart's last point for the status, as the page drew it. */
    private static long latest(String status) throws Exception {
        String json = browser.driver.findElement(By.id("progress-chart")).getAttribute("data-latest");
        return json == null ? -1 : ConsoleClient.JSON.readTree(json).path(status).asLong(-1);
    }

    private static void finish(String thing, JobExecutionStatus status, Map<String, String> details) {
        server.jobs().startNextPendingJobExecution(r -> r.thingName(thing));
        server.jobs().updateJobExecution(r -> r.thingName(thing).jobId("firmware-live").status(status).statusDetails(details));
    }

    private static String arn(String thing) {
        return "arn:aws:iot:us-east-1:000000000000:thing/" + thing;
    }
}
