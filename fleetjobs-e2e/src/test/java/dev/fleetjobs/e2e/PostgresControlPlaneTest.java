package dev.fleetjobs.e2e;

/** {@link ControlPlaneTest} on a server that keeps its data in PostgreSQL. */
class PostgresControlPlaneTest extends ControlPlaneTest {

    @Override
    ServerBackend backend() {
        return ServerBackend.POSTGRESQL;
    }
}
