package dev.fleetjobs.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void namesEveryPartNotUpThenTheStoreWhenItStopsAnsweringAndDrainingLast() {
        Readiness readiness = new Readiness();
        readiness.expect(Readiness.STORE);
        readiness.expect(Readiness.HTTP);
        readiness.expect(Readiness.MQTT);
        readiness.expect(Readiness.STARTED);
        assertThat(readiness.notReady()).containsExactly("store", "http", "mqtt", "startup");

        AtomicBoolean answers = new AtomicBoolean(true);
        readiness.storeProbe(answers::get);
        readiness.up(Readiness.STORE);
        readiness.up(Readiness.HTTP);
        assertThat(readiness.notReady()).containsExactly("mqtt", "startup");
        readiness.up(Readiness.MQTT);
        readiness.up(Readiness.STARTED);
        assertThat(readiness.notReady()).isEmpty();

        answers.set(false);
        assertThat(readiness.notReady()).containsExactly("store");
        answers.set(true);

        readiness.drain();
        assertThat(readiness.notReady()).containsExactly("draining");
    }

    @Test
    void theBodyNamesWhatIsNotReady() {
        assertThat(AdminListener.readinessBody(java.util.List.of())).isEqualTo("{\"status\":\"ready\"}");
        assertThat(AdminListener.readinessBody(java.util.List.of("mqtt", "startup")))
                .isEqualTo("{\"status\":\"not ready\",\"notReady\":[\"mqtt\",\"startup\"]}");
    }
}
