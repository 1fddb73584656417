package dev.fleetjobs.e2e;

/** {@link DataPlaneErrorsTest} on a server that keeps its data in PostgreSQL. */
class PostgresDataPlaneErrorsTest extends DataPlaneErrorsTest {

    @Override
    ServerBackend backend() {
        return ServerBackend.POSTGRESQL;
    }
}
