package dev.fleetjobs.e2e;

/** {@link DeviceLoopTest} on a server that keeps its data in PostgreSQL. */
class PostgresDeviceLoopTest extends DeviceLoopTest {

    @Override
    ServerBackend backend() {
        return ServerBackend.POSTGRESQL;
    }
}
