package dev.fleetjobs.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the read scenarios read: {@value #THINGS} things in one group and {@value #JOBS} SNAPSHOT
 * jobs on the group, so that every thing has {@value #JOBS} queued executions.
 */
record ReadFixture(List<String> things, List<String> jobIds) {

    static final int THINGS = 100;
    static final int JOBS = 3;
    private static final Duration SETUP_LIMIT = Duration.ofMinutes(5);

    static ReadFixture create(BenchContext context) {
        List<String> things = IntStream.range(0, THINGS).mapToObj(i -> context.name("read-" + i)).toList();
        List<String> jobs = IntStream.range(0, JOBS).mapToObj(i -> context.name("read-job-" + i)).toList();
        String group = context.name("read");
        int concurrency = Math.min(32, context.settings.connections());
        context.progress.show("setup", "creating " + THINGS + " things with " + JOBS + " jobs each for the read scenarios");
        String groupArn = Await.result(context.control.createThingGroup(group), SETUP_LIMIT, "CreateThingGroup");
        Await.result(Tasks.start(context.vertx, THINGS, concurrency, i -> context.control.createThing(things.get(i))
                .compose(created -> context.control.addThingToGroup(group, things.get(i)))).future(), SETUP_LIMIT, "the read things");
        for (String jobId : jobs) {
            Await.result(context.control.createJob(jobId, List.of(groupArn)), SETUP_LIMIT, "CreateJob " + jobId);
        }
        return new ReadFixture(things, jobs);
    }
}
