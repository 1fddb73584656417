package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import dev.fleetjobs.server.mqtt.TlsFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.crt.io.ClientBootstrap;
import software.amazon.awssdk.crt.io.EventLoopGroup;
import software.amazon.awssdk.crt.io.HostResolver;
import software.amazon.awssdk.crt.mqtt.MqttClient;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttConnectionConfig;
import software.amazon.awssdk.crt.mqtt.MqttException;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.iot.iotjobs.IotJobsClient;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsRequest;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsResponse;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.JobStatus;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedEvent;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.RejectedError;
import software.amazon.awssdk.iot.iotjobs.model.RejectedErrorCode;
import software.amazon.awssdk.iot.iotjobs.model.StartNextJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionSubscriptionRequest;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/**
 * The official AWS IoT Device SDK for Java v2 jobs client against the embedded broker, on the
 * plain listener and on the TLS listener with client certificates from a test CA, registered
 * through the control plane (RegisterCertificateWithoutCA, AttachThingPrincipal) as on AWS.
 */
class DeviceSdkJobsTest {

    private static final long WAIT_SECONDS = 10;
    private static final String REFUSED = "Protocol error occurred.";

    @TempDir
    static Path dataDir;

    private static RunningServer server;
    private static Fleet fleet;
    private static TestPki pki;
    private static EventLoopGroup loops;
    private static ClientBootstrap bootstrap;

    @BeforeAll
    static void start() {
        pki = new TestPki("Fleetjobs test device CA");
        TlsFiles tls = new TlsFiles(pki.keyStore(pki.server(), dataDir.resolve("server.p12")), TestPki.PASSWORD, null,
                pki.trustStore(dataDir.resolve("devices-ca.p12")), TestPki.PASSWORD);
        server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir.resolve("data")),
                new MqttSettings(0, 0, tls, null, null, false, List.of()));
        fleet = new Fleet(server.iot());
        loops = new EventLoopGroup(1);
        bootstrap = new ClientBootstrap(loops, new HostResolver(loops));
    }

    @AfterAll
    static void stop() {
        server.close();
        bootstrap.close();
        loops.close();
    }

    private static MqttClientConnection plainConnection(String thingName) throws Exception {
        MqttConnectionConfig config = new MqttConnectionConfig();
        config.setMqttClient(new MqttClient(bootstrap));
        config.setClientId(thingName);
        config.setEndpoint("127.0.0.1");
        config.setPort(server.server().mqtt().plainPort());
        config.setCleanSession(true);
        config.setKeepAliveSecs(30);
        MqttClientConnection connection = new MqttClientConnection(config);
        connection.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        return connection;
    }

    private static MqttClientConnection tlsConnection(String clientId, TestPki.Issued device) throws Exception {
        try (AwsIotMqttConnectionBuilder builder = AwsIotMqttConnectionBuilder.newMtlsBuilder(device.certificatePem(), device.privateKeyPem())) {
            builder.withCertificateAuthority(pki.ca().certificatePem())
                    .withEndpoint("localhost")
                    .withPort(server.server().mqtt().tlsPort())
                    .withClientId(clientId)
                    .withCleanSession(true)
                    .withBootstrap(bootstrap);
            MqttClientConnection connection = builder.build();
            connection.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return connection;
        }
    }

    /** Registers the device certificate without a CA and attaches it to the thing, through the official IotClient. */
    private static void register(TestPki.Issued device, String thingName, CertificateStatus status) {
        String arn = server.iot().registerCertificateWithoutCA(r -> r.certificatePem(device.certificatePem()).status(status))
                .certificateArn();
        server.iot().attachThingPrincipal(r -> r.thingName(thingName).principal(arn));
    }

    private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(item).as("a message within %d s", WAIT_SECONDS).isNotNull();
        return item;
    }

    @Test
    void theWholeDeviceLoopWithNotifyNextOnJobCreation() throws Exception {
        fleet.thing("sdk-1");
        MqttClientConnection connection = plainConnection("sdk-1");
        try {
            IotJobsClient jobs = new IotJobsClient(connection);
            BlockingQueue<NextJobExecutionChangedEvent> nextChanged = new LinkedBlockingQueue<>();
            BlockingQueue<StartNextJobExecutionResponse> started = new LinkedBlockingQueue<>();
            BlockingQueue<UpdateJobExecutionResponse> updated = new LinkedBlockingQueue<>();
            NextJobExecutionChangedSubscriptionRequest nextRequest = new NextJobExecutionChangedSubscriptionRequest();
            nextRequest.thingName = "sdk-1";
            jobs.SubscribeToNextJobExecutionChangedEvents(nextRequest, QualityOfService.AT_LEAST_ONCE, nextChanged::add).get(WAIT_SECONDS, TimeUnit.SECONDS);
            StartNextPendingJobExecutionSubscriptionRequest startSubscription = new StartNextPendingJobExecutionSubscriptionRequest();
            startSubscription.thingName = "sdk-1";
            jobs.SubscribeToStartNextPendingJobExecutionAccepted(startSubscription, QualityOfService.AT_LEAST_ONCE, started::add).get(WAIT_SECONDS, TimeUnit.SECONDS);
            UpdateJobExecutionSubscriptionRequest updateSubscription = new UpdateJobExecutionSubscriptionRequest();
            updateSubscription.thingName = "sdk-1";
            updateSubscription.jobId = "+";
            jobs.SubscribeToUpdateJobExecutionAccepted(updateSubscription, QualityOfService.AT_LEAST_ONCE, updated::add).get(WAIT_SECONDS, TimeUnit.SECONDS);

            fleet.job("sdk-firmware", "{\"operation\":\"install\",\"version\":\"3.1\"}", "sdk-1");
            NextJobExecutionChangedEvent event = next(nextChanged);
            assertThat(event.execution.jobId).isEqualTo("sdk-firmware");
            assertThat(event.execution.status).isEqualTo(JobStatus.QUEUED);
            assertThat(event.execution.jobDocument).containsEntry("version", "3.1");
            assertThat(event.execution.versionNumber).isEqualTo(1);
            assertThat(event.timestamp.getTime()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(120_000L));

            StartNextPendingJobExecutionRequest start = new StartNextPendingJobExecutionRequest();
            start.thingName = "sdk-1";
            start.clientToken = "start-1";
            start.statusDetails = new HashMap<>(Map.of("step", "download"));
            jobs.PublishStartNextPendingJobExecution(start, QualityOfService.AT_LEAST_ONCE).get(WAIT_SECONDS, TimeUnit.SECONDS);
            StartNextJobExecutionResponse startedExecution = next(started);
            assertThat(startedExecution.clientToken).isEqualTo("start-1");
            assertThat(startedExecution.execution.status).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(startedExecution.execution.statusDetails).containsEntry("step", "download");
            assertThat(startedExecution.execution.jobDocument).containsEntry("operation", "install");

            UpdateJobExecutionRequest done = new UpdateJobExecutionRequest();
            done.thingName = "sdk-1";
            done.jobId = "sdk-firmware";
            done.status = JobStatus.SUCCEEDED;
            done.expectedVersion = startedExecution.execution.versionNumber;
            done.clientToken = "done-1";
            done.includeJobExecutionState = true;
            jobs.PublishUpdateJobExecution(done, QualityOfService.AT_LEAST_ONCE).get(WAIT_SECONDS, TimeUnit.SECONDS);
            UpdateJobExecutionResponse doneResponse = next(updated);
            assertThat(doneResponse.clientToken).isEqualTo("done-1");
            assertThat(doneResponse.executionState.status).isEqualTo(JobStatus.SUCCEEDED);

            NextJobExecutionChangedEvent empty = next(nextChanged);
            assertThat(empty.execution).isNull();
            await().atMost(java.time.Duration.ofSeconds(WAIT_SECONDS)).until(() ->
                    server.iot().describeJob(r -> r.jobId("sdk-firmware")).job().statusAsString().equals("COMPLETED"));
        } finally {
            connection.disconnect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            connection.close();
        }
    }

    @Test
    void rejectedRequestsSurfaceAsTheSdksRejectedErrors() throws Exception {
        fleet.thing("sdk-2");
        fleet.job("sdk-reboot", "{\"operation\":\"reboot\"}", "sdk-2");
        MqttClientConnection connection = plainConnection("sdk-2");
        try {
            IotJobsClient jobs = new IotJobsClient(connection);
            BlockingQueue<RejectedError> rejected = new LinkedBlockingQueue<>();
            UpdateJobExecutionSubscriptionRequest subscription = new UpdateJobExecutionSubscriptionRequest();
            subscription.thingName = "sdk-2";
            subscription.jobId = "sdk-reboot";
            jobs.SubscribeToUpdateJobExecutionRejected(subscription, QualityOfService.AT_LEAST_ONCE, rejected::add).get(WAIT_SECONDS, TimeUnit.SECONDS);

            UpdateJobExecutionRequest stale = new UpdateJobExecutionRequest();
            stale.thingName = "sdk-2";
            stale.jobId = "sdk-reboot";
            stale.status = JobStatus.IN_PROGRESS;
            stale.expectedVersion = 5;
            stale.clientToken = "stale-1";
            jobs.PublishUpdateJobExecution(stale, QualityOfService.AT_LEAST_ONCE).get(WAIT_SECONDS, TimeUnit.SECONDS);
            RejectedError mismatch = next(rejected);
            assertThat(mismatch.code).isEqualTo(RejectedErrorCode.VERSION_MISMATCH);
            assertThat(mismatch.clientToken).isEqualTo("stale-1");
            assertThat(mismatch.executionState.versionNumber).isEqualTo(1);
            assertThat(mismatch.executionState.status).isEqualTo(JobStatus.QUEUED);

            UpdateJobExecutionRequest serviceStatus = new UpdateJobExecutionRequest();
            serviceStatus.thingName = "sdk-2";
            serviceStatus.jobId = "sdk-reboot";
            serviceStatus.status = JobStatus.CANCELED;
            jobs.PublishUpdateJobExecution(serviceStatus, QualityOfService.AT_LEAST_ONCE).get(WAIT_SECONDS, TimeUnit.SECONDS);
            RejectedError invalid = next(rejected);
            assertThat(invalid.code).isEqualTo(RejectedErrorCode.INVALID_REQUEST);
            assertThat(invalid.message).contains("CANCELED");
        } finally {
            connection.disconnect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            connection.close();
        }
    }

    @Test
    void onTheTlsListenerACertificateMustBeActiveAndAttachedToTheThing() throws Exception {
        fleet.thing("tls-1");
        fleet.job("tls-job", "{\"secure\":true}", "tls-1");
        TestPki.Issued attached = pki.device("tls-1");
        register(attached, "tls-1", CertificateStatus.ACTIVE);
        MqttClientConnection connection = tlsConnection("tls-1", attached);
        try {
            IotJobsClient jobs = new IotJobsClient(connection);
            BlockingQueue<GetPendingJobExecutionsResponse> pending = new LinkedBlockingQueue<>();
            GetPendingJobExecutionsSubscriptionRequest subscription = new GetPendingJobExecutionsSubscriptionRequest();
            subscription.thingName = "tls-1";
            jobs.SubscribeToGetPendingJobExecutionsAccepted(subscription, QualityOfService.AT_LEAST_ONCE, pending::add).get(WAIT_SECONDS, TimeUnit.SECONDS);
            GetPendingJobExecutionsRequest request = new GetPendingJobExecutionsRequest();
            request.thingName = "tls-1";
            request.clientToken = "over-tls";
            jobs.PublishGetPendingJobExecutions(request, QualityOfService.AT_LEAST_ONCE).get(WAIT_SECONDS, TimeUnit.SECONDS);
            GetPendingJobExecutionsResponse answer = next(pending);
            assertThat(answer.clientToken).isEqualTo("over-tls");
            assertThat(answer.queuedJobs).extracting(summary -> summary.jobId).containsExactly("tls-job");
        } finally {
            connection.disconnect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            connection.close();
        }

        // The same certificate may not act as another thing.
        fleet.thing("tls-2");
        // The CRT's MQTT 3.1.1 client reports the broker's refusing CONNACK as a protocol error.
        assertThatThrownBy(() -> tlsConnection("tls-2", attached)).hasRootCauseInstanceOf(MqttException.class)
                .hasRootCauseMessage(REFUSED);
        // An inactive certificate is refused, and so is one the registry does not know.
        TestPki.Issued inactive = pki.device("tls-1");
        register(inactive, "tls-1", CertificateStatus.INACTIVE);
        assertThatThrownBy(() -> tlsConnection("tls-1", inactive)).hasRootCauseMessage(REFUSED);
        assertThatThrownBy(() -> tlsConnection("tls-1", pki.device("tls-1"))).hasRootCauseMessage(REFUSED);
        // A certificate from a CA the server does not trust fails the TLS handshake.
        TestPki.Issued foreign = new TestPki("Someone else's CA").device("tls-1");
        register(foreign, "tls-1", CertificateStatus.ACTIVE);
        assertThatThrownBy(() -> tlsConnection("tls-1", foreign)).hasRootCauseInstanceOf(MqttException.class)
                .rootCause().message().isNotEqualTo(REFUSED).containsIgnoringCase("tls");
    }
}
