package dev.fleetjobs.protocol.mqtt;

/** The four device operations a jobs request topic can name (spec 3.1). */
public enum JobsOperation {
    GET_PENDING_JOB_EXECUTIONS,
    START_NEXT_PENDING_JOB_EXECUTION,
    DESCRIBE_JOB_EXECUTION,
    UPDATE_JOB_EXECUTION
}
