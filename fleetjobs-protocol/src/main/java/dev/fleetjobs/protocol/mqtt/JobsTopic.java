package dev.fleetjobs.protocol.mqtt;

/**
 * A topic under {@code $aws/things/{thingName}/jobs/}, parsed by segment position (spec 3.1):
 * job ids such as {@code get} or {@code notify} are legal, so {@code .../jobs/get/get} describes
 * the job named "get".
 *
 * @param operation  null when the topic names no operation (answered with {@code InvalidTopic})
 * @param jobId      the job id segment of describe and update, else null
 */
public record JobsTopic(String topic, String thingName, JobsOperation operation, String jobId) {

    public static final String THINGS_PREFIX = "$aws/things/";
    private static final String JOBS_SEGMENT = "jobs";

    /** The parsed topic, or null when it does not lie under {@code $aws/things/{thingName}/jobs/}. */
    public static JobsTopic parse(String topic) {
        if (!topic.startsWith(THINGS_PREFIX)) {
            return null;
        }
        String[] segments = topic.substring(THINGS_PREFIX.length()).split("/", -1);
        if (segments.length < 3 || segments[0].isEmpty() || !segments[1].equals(JOBS_SEGMENT)) {
            return null;
        }
        String thing = segments[0];
        if (segments.length == 3 && segments[2].equals("get")) {
            return new JobsTopic(topic, thing, JobsOperation.GET_PENDING_JOB_EXECUTIONS, null);
        }
        if (segments.length == 3 && segments[2].equals("start-next")) {
            return new JobsTopic(topic, thing, JobsOperation.START_NEXT_PENDING_JOB_EXECUTION, null);
        }
        if (segments.length == 4 && !segments[2].isEmpty() && segments[3].equals("get")) {
            return new JobsTopic(topic, thing, JobsOperation.DESCRIBE_JOB_EXECUTION, segments[2]);
        }
        if (segments.length == 4 && !segments[2].isEmpty() && segments[3].equals("update")) {
            return new JobsTopic(topic, thing, JobsOperation.UPDATE_JOB_EXECUTION, segments[2]);
        }
        return new JobsTopic(topic, thing, null, null);
    }

    public String accepted() {
        return topic + "/accepted";
    }

    public String rejected() {
        return topic + "/rejected";
    }

    /** The prefix every jobs topic of the thing shares, without a trailing slash. */
    public static String prefix(String thingName) {
        return THINGS_PREFIX + thingName + "/" + JOBS_SEGMENT;
    }

    public static String notify(String thingName) {
        return prefix(thingName) + "/notify";
    }

    public static String notifyNext(String thingName) {
        return prefix(thingName) + "/notify-next";
    }

    public static String jobEvent(String jobId, String operation) {
        return "$aws/events/job/" + jobId + "/" + operation;
    }

    public static String executionEvent(String jobId, String operation) {
        return "$aws/events/jobExecution/" + jobId + "/" + operation;
    }
}
