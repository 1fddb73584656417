package dev.fleetjobs.cli.ops;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetjobs job resume JOB_ID}: Fleetjobs' own {@code POST /_fleetjobs/jobs/{jobId}/resume}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Resumes a paused job where it stopped, at its rollout rate.",
                "A job its canary gate paused goes on with the next stage."})
final class JobResumeCommand extends ControlPlaneCommand {

    @Parameters(paramLabel = "JOB_ID", description = "The paused job to resume.")
    String jobId;

    @Override
    protected int run(ControlPlaneClient client) {
        JobPauseCommand.print(this, client.call("POST", ControlPlaneClient.path("/_fleetjobs/jobs/", jobId, "/resume"), Map.of(),
                ControlPlaneClient.object()));
        return 0;
    }
}
