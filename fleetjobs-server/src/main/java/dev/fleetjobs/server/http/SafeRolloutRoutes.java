package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.protocol.fleetjobs.JobPlanResponse;
import dev.fleetjobs.protocol.fleetjobs.JobStateResponse;
import dev.fleetjobs.protocol.fleetjobs.RollbackResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.JobDetails;
import dev.fleetjobs.server.service.RollbackCommand;
import dev.fleetjobs.server.service.SafeRolloutService;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fleetjobs' own job operations for safe rollouts, under {@code /_fleetjobs/} outside every AWS
 * path, in the control-plane table (signed as {@code iot}, allowed to admins and operators like
 * the job operations):
 * <ul>
 *   <li>{@code POST /_fleetjobs/jobs/{jobId}/dry-run}: the CreateJob body; answers the plan ({@code JobPlanResponse}), or,
 *   when CreateJob would refuse, CreateJob's refusal with the plan and every refusal beside its message;</li>
 *   <li>{@code POST /_fleetjobs/jobs/{jobId}/pause}: {@code {"reason": "..."}}, optional;</li>
 *   <li>{@code POST /_fleetjobs/jobs/{jobId}/resume};</li>
 *   <li>{@code POST /_fleetjobs/jobs/{jobId}/rollback}: the rollback job's document, statuses and run configuration.</li>
 * </ul>
 */
public final class SafeRolloutRoutes implements RouteGroup {

    static final String JOB = "/_fleetjobs/jobs/{jobId}";

    private final SafeRolloutService service;
    private final Arns arns;
    private final ControlPlaneShapes shapes;

    public SafeRolloutRoutes(SafeRolloutService service, Arns arns) {
        this.service = service;
        this.arns = arns;
        this.shapes = new ControlPlaneShapes(arns);
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("Fleetjobs.DryRunJob", "POST", JOB + "/dry-run", this::dryRun)
                .add("Fleetjobs.PauseJob", "POST", JOB + "/pause", this::pause)
                .add("Fleetjobs.ResumeJob", "POST", JOB + "/resume", this::resume)
                .add("Fleetjobs.RollbackJob", "POST", JOB + "/rollback", this::rollback);
    }

    /** The plan; when CreateJob would refuse the job, CreateJob's own refusal with the plan beside its message. */
    private CompletableFuture<?> dryRun(ApiRequest request) {
        CreateJobInput.Read read = CreateJobInput.read(request.path("jobId"), request.body());
        return service.dryRun(read.command(), read.problems(), read.unreadable()).thenApply(plan -> {
            JobPlanResponse answer = JobPlanShapes.plan(plan, arns);
            if (!plan.valid()) {
                throw new RefusalWithBody(plan.errors().get(0).errorType(), answer.message(), answer);
            }
            return answer;
        });
    }

    private CompletableFuture<?> pause(ApiRequest request) {
        return service.pause(request.path("jobId"), request.body().string("reason")).thenApply(this::state);
    }

    private CompletableFuture<?> resume(ApiRequest request) {
        return service.resume(request.path("jobId")).thenApply(this::state);
    }

    private CompletableFuture<?> rollback(ApiRequest request) {
        JsonInput body = request.body();
        JobRoutes.refuseDocumentSource(body);
        List<String> statusNames = body.stringList("statuses");
        List<ExecutionStatus> statuses = null;
        if (statusNames != null) {
            statuses = new java.util.ArrayList<>();
            for (int i = 0; i < statusNames.size(); i++) {
                statuses.add(Enums.executionStatus("statuses." + (i + 1) + ".member", statusNames.get(i)));
            }
        }
        Boolean cancelOriginal = body.bool("cancelOriginal");
        RollbackCommand command = new RollbackCommand(request.path("jobId"), body.string("rollbackJobId"), body.string("document"),
                body.string("description"), statuses, body.object("timeoutConfig").longValue("inProgressTimeoutInMinutes"),
                JobConfigInput.parse(body), cancelOriginal != null && cancelOriginal, WireTags.read(body, "tags"));
        return service.rollback(command).thenApply(created -> new RollbackResponse(arns.job(created.job().jobId()), created.job().jobId(),
                created.job().description(), shapes.safeRollout().link(created.link(), created.link().originalJobId())));
    }

    private JobStateResponse state(JobDetails details) {
        return new JobStateResponse(arns.job(details.job().jobId()), details.job().jobId(), details.job().status().name(),
                shapes.fleetjobsMember(details));
    }
}
