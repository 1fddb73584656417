package dev.fleetjobs.e2e;

/** {@link MqttNotificationsTest} on a server that keeps its data in PostgreSQL. */
class PostgresMqttNotificationsTest extends MqttNotificationsTest {

    @Override
    ServerBackend backend() {
        return ServerBackend.POSTGRESQL;
    }
}
