package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import dev.fleetjobs.protocol.Plane;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * Every route against every way to get in without the right: no signature, a bad signature, an
 * expired one, a revoked key, the wrong role, a device key for another thing, a certificate
 * attached to another thing, a revoked certificate. Each is refused with the AWS error for it and
 * changes nothing; then the rightful principal's call succeeds. No secret reaches the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {

    private static final Clock TWENTY_MINUTES_AGO = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));

    /** Control-plane operations whose method and path are also data-plane operations (spec 4.7): the device listener answers those. */
    private static final java.util.Set<String> SHARED_PATHS = java.util.Set.of("ListJobExecutionsForThing", "DescribeJobExecution");

    private Path dataDir;
    private Path scratch;
    private SecurityFixture fixture;
    private String storeBefore;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    /** One way in, and what it must be answered with. */
    private record Attempt(String name, int status, String errorType, Function<ApiCall, HttpResponse<String>> send) {
    }

    @BeforeAll
    void start() throws IOException {
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        dataDir = Files.createTempDirectory("fleetjobs-matrix");
        scratch = Files.createTempDirectory("fleetjobs-matrix-scratch");
        fixture = new SecurityFixture(dataDir, scratch);
        storeBefore = StoreDump.of(dataDir);
    }

    @AfterAll
    void stop() {
        fixture.close();
        TempDirs.delete(dataDir);
        TempDirs.delete(scratch);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    @Test
    @Order(0)
    void theCatalogHoldsEveryRouteTheServerServes() {
        long dataPlane = RouteCatalog.all().stream().filter(route -> route.dataPlane(fixture)).count();
        long controlPlane = RouteCatalog.all().size() - dataPlane;
        assertThat(dataPlane).isEqualTo(fixture.server.server().routeCount(Plane.DATA));
        assertThat(controlPlane).isEqualTo(fixture.server.server().routeCount(Plane.CONTROL));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyRouteRefusesEveryoneWithoutTheRight() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RouteCatalog.Route route : RouteCatalog.all()) {
            ApiCall call = route.sample().apply(fixture);
            for (Attempt attempt : attempts(call)) {
                tests.add(DynamicTest.dynamicTest(route + " / " + attempt.name(), () -> {
                    HttpResponse<String> response = attempt.send().apply(call);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(attempt.status());
                    assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(attempt.errorType());
                    assertThat(response.body()).contains("\"message\"");
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThan(RouteCatalog.all().size() * 5);
        return tests.stream();
    }

    @Test
    @Order(2)
    void refusedRequestsChangedNothing() {
        assertThat(StoreDump.of(dataDir)).isEqualTo(storeBefore);
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> theRightfulPrincipalSucceedsOnEveryRoute() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RouteCatalog.Route route : RouteCatalog.all()) {
            if (route.dataPlane(fixture)) {
                tests.add(succeeds(route, "device key for its thing", call -> fixture.signed(call, fixture.device, Clock.systemUTC())));
                tests.add(succeeds(route, "certificate attached to the thing", call -> fixture.withCertificate(call, fixture.pump1Certificate)));
                tests.add(succeeds(route, "admin key", call -> fixture.signed(call, fixture.admin, Clock.systemUTC())));
            } else {
                tests.add(succeeds(route, "operator key", call -> fixture.signed(call, fixture.operator, Clock.systemUTC())));
                tests.add(succeeds(route, "admin key", call -> fixture.signed(call, fixture.admin, Clock.systemUTC())));
            }
        }
        return tests.stream();
    }

    @Test
    @Order(4)
    void noSecretReachedTheLog() {
        List<String> secrets = List.of(RunningServer.SECRET_KEY, fixture.admin.secretAccessKey(), fixture.operator.secretAccessKey(),
                fixture.device.secretAccessKey(), fixture.revokedKey.secretAccessKey());
        assertThat(log.list).as("the run logged something to look through").isNotEmpty();
        for (ILoggingEvent event : log.list) {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
            assertThat(text).doesNotContain("PRIVATE KEY");
        }
    }

    private DynamicTest succeeds(RouteCatalog.Route route, String who, Function<ApiCall, HttpResponse<String>> send) {
        return DynamicTest.dynamicTest(route + " / " + who, () -> {
            HttpResponse<String> response = send.apply(route.success().apply(fixture));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        });
    }

    private List<Attempt> attempts(ApiCall call) {
        List<Attempt> attempts = new ArrayList<>(List.of(
                new Attempt("no signature", 403, "MissingAuthenticationTokenException", fixture::unsigned),
                new Attempt("bad signature", 403, "InvalidSignatureException",
                        c -> fixture.signed(c, fixture.admin.accessKeyId(), fixture.admin.secretAccessKey() + "x", Clock.systemUTC())),
                new Attempt("expired signature", 403, "InvalidSignatureException", c -> fixture.signed(c, fixture.admin, TWENTY_MINUTES_AGO)),
                new Attempt("revoked key", 403, "UnrecognizedClientException", c -> fixture.signed(c, fixture.revokedKey, Clock.systemUTC()))));
        if (call.dataPlane()) {
            ApiCall otherThing = call.withPath(call.pathAndQuery().replace("pump-1", "pump-2"));
            attempts.add(new Attempt("wrong role (operator)", 403, "AccessDeniedException",
                    c -> fixture.signed(c, fixture.operator, Clock.systemUTC())));
            attempts.add(new Attempt("device key for another thing", 403, "AccessDeniedException",
                    c -> fixture.signed(otherThing, fixture.device, Clock.systemUTC())));
            attempts.add(new Attempt("certificate attached to another thing", 403, "AccessDeniedException",
                    c -> fixture.withCertificate(c, fixture.pump2Certificate)));
            attempts.add(new Attempt("revoked certificate", 400, "CertificateValidationException",
                    c -> fixture.withCertificate(c, fixture.revokedCertificate)));
        } else {
            attempts.add(new Attempt("wrong role (device)", 403, "AccessDeniedException",
                    c -> fixture.signed(c, fixture.device, Clock.systemUTC())));
            if (!SHARED_PATHS.contains(call.operation())) {
                attempts.add(new Attempt("control plane over the device listener", 404, "UnknownOperationException",
                        c -> fixture.withCertificate(c, fixture.pump1Certificate)));
            }
        }
        return attempts;
    }
}
