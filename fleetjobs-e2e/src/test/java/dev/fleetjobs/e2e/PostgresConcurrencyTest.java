package dev.fleetjobs.e2e;

/** {@link ConcurrencyTest} on a server that keeps its data in PostgreSQL. */
class PostgresConcurrencyTest extends ConcurrencyTest {

    @Override
    ServerBackend backend() {
        return ServerBackend.POSTGRESQL;
    }
}
