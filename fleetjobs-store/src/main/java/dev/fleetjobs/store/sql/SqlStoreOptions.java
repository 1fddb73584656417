package dev.fleetjobs.store.sql;

/**
 * Tuning of a {@link SqlJobStore}.
 *
 * @param writeQueueCapacity  writes waiting for the writer; beyond it {@code write} fails fast
 * @param maxBatchSize        most units of work committed together in one transaction
 * @param readConnections     read connections, each with its own thread
 * @param readQueueCapacity   reads waiting for a connection; beyond it {@code read} fails fast
 * @param writeConnections    writer threads, each with its own connection (1 for SQLite, which allows one writer)
 */
public record SqlStoreOptions(int writeQueueCapacity, int maxBatchSize, int readConnections, int readQueueCapacity,
                              int writeConnections) {

    public SqlStoreOptions {
        positive("writeQueueCapacity", writeQueueCapacity);
        positive("maxBatchSize", maxBatchSize);
        positive("readConnections", readConnections);
        positive("readQueueCapacity", readQueueCapacity);
        positive("writeConnections", writeConnections);
    }

    public SqlStoreOptions(int writeQueueCapacity, int maxBatchSize, int readConnections, int readQueueCapacity) {
        this(writeQueueCapacity, maxBatchSize, readConnections, readQueueCapacity, 1);
    }

    public static SqlStoreOptions defaults() {
        return new SqlStoreOptions(10_000, 1_000, 4, 10_000, 1);
    }

    public SqlStoreOptions withWriteQueueCapacity(int capacity) {
        return new SqlStoreOptions(capacity, maxBatchSize, readConnections, readQueueCapacity, writeConnections);
    }

    public SqlStoreOptions withMaxBatchSize(int size) {
        return new SqlStoreOptions(writeQueueCapacity, size, readConnections, readQueueCapacity, writeConnections);
    }

    public SqlStoreOptions withReadConnections(int connections) {
        return new SqlStoreOptions(writeQueueCapacity, maxBatchSize, connections, readQueueCapacity, writeConnections);
    }

    public SqlStoreOptions withReadQueueCapacity(int capacity) {
        return new SqlStoreOptions(writeQueueCapacity, maxBatchSize, readConnections, capacity, writeConnections);
    }

    public SqlStoreOptions withWriteConnections(int connections) {
        return new SqlStoreOptions(writeQueueCapacity, maxBatchSize, readConnections, readQueueCapacity, connections);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
