package dev.fleetjobs.store.sql;

/**
 * Tuning of a {@link SqlJobStore}.
 *
 * @param writeQueueCapacity  writes waiting for the writer; beyond it {@code write} fails fast
 * @param maxBatchSize        most units of work committed together in one transaction
 * @param readConnections     read connections, each with its own thread
 * @param readQueueCapacity   reads waiting for a connection; beyond it {@code read} fails fast
 */
public record SqlStoreOptions(int writeQueueCapacity, int maxBatchSize, int readConnections, int readQueueCapacity) {

    public SqlStoreOptions {
        positive("writeQueueCapacity", writeQueueCapacity);
        positive("maxBatchSize", maxBatchSize);
        positive("readConnections", readConnections);
        positive("readQueueCapacity", readQueueCapacity);
    }

    public static SqlStoreOptions defaults() {
        return new SqlStoreOptions(10_000, 1_000, 4, 10_000);
    }

    public SqlStoreOptions withWriteQueueCapacity(int capacity) {
        return new SqlStoreOptions(capacity, maxBatchSize, readConnections, readQueueCapacity);
    }

    public SqlStoreOptions withMaxBatchSize(int size) {
        return new SqlStoreOptions(writeQueueCapacity, size, readConnections, readQueueCapacity);
    }

    public SqlStoreOptions withReadConnections(int connections) {
        return new SqlStoreOptions(writeQueueCapacity, maxBatchSize, connections, readQueueCapacity);
    }

    public SqlStoreOptions withReadQueueCapacity(int capacity) {
        return new SqlStoreOptions(writeQueueCapacity, maxBatchSize, readConnections, capacity);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
