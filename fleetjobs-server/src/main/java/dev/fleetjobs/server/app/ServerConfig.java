package dev.fleetjobs.server.app;

import java.nio.file.Path;
import java.time.Clock;
import dev.fleetjobs.server.ops.OpsOptions;
import java.util.Objects;

/**
 * How to run a server.
 *
 * @param port                        0 picks a free port (tests)
 * @param dev                         development-only features: a movable job clock ({@code POST /_dev/clock})
 * @param rootAccessKeyId             null to read or generate them in the data directory
 * @param dataPlaneRequestsPerSecond  0 for no limit; above it devices get ThrottlingException
 * @param jobClock                    the clock of job rules (never of signature expiry)
 * @param security                    device listener, connection limits, refresh of access keys
 * @param jobWorkBatchSize            things or executions one batch of a rollout, cancel or delete handles
 * @param database                    a shared PostgreSQL database and the key that seals its secrets; null for SQLite in {@code dataDir}
 * @param ops                         the admin listener (metrics, health), the request log and the drain delay
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        boolean dev,
        String rootAccessKeyId,
        String rootSecretAccessKey,
        String region,
        String accountId,
        int dataPlaneRequestsPerSecond,
        int maxBodyBytes,
        Clock jobClock,
        SecurityOptions security,
        int jobWorkBatchSize,
        DatabaseOptions database,
        OpsOptions ops) {

    public static final int DEFAULT_PORT = 9290;
    public static final String DEFAULT_DATA_DIR = "fleetjobs-data";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    public static final int DEFAULT_JOB_WORK_BATCH_SIZE = 1000;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(jobClock, "jobClock");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(ops, "ops");
        if (jobWorkBatchSize < 1) {
            throw new IllegalArgumentException("jobWorkBatchSize must be at least 1, was " + jobWorkBatchSize);
        }
    }

    /** Defaults for everything but where to listen and where to keep data. */
    public static ServerConfig defaults(String host, int port, Path dataDir) {
        return new ServerConfig(host, port, dataDir, false, null, null, DEFAULT_REGION, DEFAULT_ACCOUNT_ID, 0,
                DEFAULT_MAX_BODY_BYTES, Clock.systemUTC(), SecurityOptions.defaults(), DEFAULT_JOB_WORK_BATCH_SIZE, null, OpsOptions.defaults());
    }

    public ServerConfig withRootCredentials(String accessKeyId, String secretAccessKey) {
        return new ServerConfig(host, port, dataDir, dev, accessKeyId, secretAccessKey, region, accountId,
                dataPlaneRequestsPerSecond, maxBodyBytes, jobClock, security, jobWorkBatchSize, database, ops);
    }

    public ServerConfig withDev(boolean enabled) {
        return new ServerConfig(host, port, dataDir, enabled, rootAccessKeyId, rootSecretAccessKey, region, accountId,
                dataPlaneRequestsPerSecond, maxBodyBytes, jobClock, security, jobWorkBatchSize, database, ops);
    }

    /** @param clock the clock of job rules; with {@code dev}, a {@code SettableClock} given here is the one {@code POST /_dev/clock} moves */
    public ServerConfig withJobClock(Clock clock) {
        return new ServerConfig(host, port, dataDir, dev, rootAccessKeyId, rootSecretAccessKey, region, accountId,
                dataPlaneRequestsPerSecond, maxBodyBytes, clock, security, jobWorkBatchSize, database, ops);
    }

    public ServerConfig withDataPlaneRequestsPerSecond(int limit) {
        return new ServerConfig(host, port, dataDir, dev, rootAccessKeyId, rootSecretAccessKey, region, accountId,
                limit, maxBodyBytes, jobClock, security, jobWorkBatchSize, database, ops);
    }

    public ServerConfig withSecurity(SecurityOptions options) {
        return new ServerConfig(host, port, dataDir, dev, rootAccessKeyId, rootSecretAccessKey, region, accountId,
                dataPlaneRequestsPerSecond, maxBodyBytes, jobClock, options, jobWorkBatchSize, database, ops);
    }

    public ServerConfig withJobWorkBatchSize(int size) {
        return new ServerConfig(host, port, dataDir, dev, rootAccessKeyId, rootSecretAccessKey, region, accountId,
                dataPlaneRequestsPerSecond, maxBodyBytes, jobClock, security, size, database, ops);
    }

    public ServerConfig withOps(OpsOptions options) {
        return new ServerConfig(host, port, dataDir, dev, rootAccessKeyId, rootSecretAccessKey, region, accountId,
                dataPlaneRequestsPerSecond, maxBodyBytes, jobClock, security, jobWorkBatchSize, database, options);
    }

    /** @param options a PostgreSQL database shared with other nodes; null for SQLite in the data directory */
    public ServerConfig withDatabase(DatabaseOptions options) {
        return new ServerConfig(host, port, dataDir, dev, rootAccessKeyId, rootSecretAccessKey, region, accountId,
                dataPlaneRequestsPerSecond, maxBodyBytes, jobClock, security, jobWorkBatchSize, options, ops);
    }
}
