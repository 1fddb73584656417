package dev.fleetjobs.e2e;

/** {@link TimeBasedJobsTest} on a server that keeps its data in PostgreSQL. */
class PostgresTimeBasedJobsTest extends TimeBasedJobsTest {

    @Override
    ServerBackend backend() {
        return ServerBackend.POSTGRESQL;
    }
}
