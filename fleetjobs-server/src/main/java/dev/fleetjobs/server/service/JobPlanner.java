package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.ResourceAlreadyExistsException;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobTemplate;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.core.rules.DocumentParameters;
import dev.fleetjobs.core.rules.JobTargets;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Problems;
import dev.fleetjobs.core.validation.RunConfigValidator;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.StoreReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What CreateJob checks and works out before it writes anything, in two steps that only read:
 * {@link #check} holds the request against the model's constraints, {@link #resolve} against the
 * store (the id is free, the template exists, the document after substitution, the targets
 * exist). CreateJob runs both and throws the first refusal, exactly as if each check had thrown;
 * the dry run runs both and reports every refusal with its plan. Each check runs on its own, so
 * one refusal does not hide the next.
 */
final class JobPlanner {

    private static final Pattern TEMPLATE_ARN = Pattern.compile("arn:[!-~]+");
    private static final int TEMPLATE_ARN_MAX = 1600;

    /**
     * A request held against the model's constraints; a part that was refused is null.
     *
     * @param runConfigValid  the run configuration passed its checks, so its times and cron expressions can be read
     */
    record Checked(CreateJobCommand command, JobTargets targets, String templateId, Map<String, String> parameters, List<Tag> tags,
                   TargetSelection selection, boolean runConfigValid) {
    }

    /**
     * What the checked request resolves to in the store.
     *
     * @param template                    null when the job is not made from one, or it was not found
     * @param document                    the document the job would send, parameters substituted; null when unknown
     * @param documentBeforeSubstitution  the template's document when parameters changed it, else null
     * @param runConfig                   the job's run configuration, blocks it lacks taken from its template
     * @param groups                      the target groups that exist, in target order
     */
    record Resolved(JobTemplate template, String document, String documentBeforeSubstitution, JobRunConfig runConfig,
                    Long inProgressTimeoutMinutes, List<ThingGroup> groups, List<String> missingThings, List<String> missingGroups) {
    }

    private final Arns arns;

    JobPlanner(Arns arns) {
        this.arns = arns;
    }

    /**
     * Checks what needs no store, keeping every refusal in {@code problems}.
     *
     * @param unreadable  members the edge could not read (a wrong JSON type, already refused): not checked again
     */
    Checked check(CreateJobCommand command, Set<String> unreadable, long nowMillis, Problems problems) {
        problems.check(() -> Validator.jobId("jobId", command.jobId()));
        JobTargets targets = unreadable.contains("targets") ? null : problems.check(() -> targets("targets", command.targets()));
        String templateId = problems.check(() -> templateId(command.jobTemplateArn()));
        boolean fromTemplate = command.jobTemplateArn() != null || unreadable.contains("jobTemplateArn");
        if (fromTemplate && command.document() != null) {
            problems.add(new InvalidRequestException("document cannot be given with jobTemplateArn: the job takes its document from the template."));
        }
        if (!fromTemplate && !unreadable.contains("document")) {
            problems.check(() -> JobDocuments.validate(command.document()));
        }
        Map<String, String> parameters = problems.check(() -> documentParameters(command.documentParameters(), fromTemplate));
        problems.check(() -> Validator.optionalText("description", command.description(), Constraints.DESCRIPTION_MAX));
        problems.check(() -> Validator.timeoutMinutes("timeoutConfig.inProgressTimeoutInMinutes", command.inProgressTimeoutMinutes(), false));
        List<Tag> tags = problems.check(() -> Tags.validateForCreate(command.tags()));
        int before = problems.size();
        RunConfigValidator.validate(command.runConfig(), nowMillis, problems);
        TargetSelection selection = command.targetSelection() == null ? TargetSelection.SNAPSHOT : command.targetSelection();
        return new Checked(command, targets, templateId, parameters, tags, selection, problems.size() == before);
    }

    /** Resolves the checked request against the store, keeping every refusal in {@code problems}. Reads only. */
    Resolved resolve(StoreReader reader, Checked checked, Problems problems) {
        CreateJobCommand command = checked.command();
        if (reader.findJob(command.jobId()).isPresent()) {
            problems.add(new ResourceAlreadyExistsException("Job " + command.jobId() + " already exists.", command.jobId(),
                    arns.job(command.jobId())));
        }
        JobTemplate template = checked.templateId() == null ? null : reader.findJobTemplate(checked.templateId()).orElse(null);
        if (checked.templateId() != null && template == null) {
            problems.add(NotFound.jobTemplate(checked.templateId()));
        }
        String document = command.document();
        String beforeSubstitution = null;
        JobRunConfig runConfig = command.runConfig();
        Long timeout = command.inProgressTimeoutMinutes();
        if (template != null) {
            document = checked.parameters() == null ? null : problems.check(() -> substituted(template, checked.parameters()));
            if (document != null && !document.equals(template.document())) {
                beforeSubstitution = template.document();
            }
            timeout = timeout != null ? timeout : template.inProgressTimeoutMinutes();
            runConfig = runConfig.withDefaultsFrom(template.runConfig());
        } else if (command.jobTemplateArn() != null) {
            document = null;
        }
        if (document != null) {
            String sent = document;
            String asWritten = beforeSubstitution == null ? document : beforeSubstitution;
            JobRunConfig config = runConfig;
            problems.check(() -> JobDocuments.checkPresignedUrls(sent, asWritten, config.presignedUrlConfig(), true));
        }
        List<ThingGroup> groups = new ArrayList<>();
        List<String> missingThings = new ArrayList<>();
        List<String> missingGroups = new ArrayList<>();
        if (checked.targets() != null) {
            resolveTargets(reader, checked.targets(), groups, missingThings, missingGroups, problems);
        }
        return new Resolved(template, document, beforeSubstitution, runConfig, timeout, groups, missingThings, missingGroups);
    }

    /** The job CreateJob inserts, once {@link #check} and {@link #resolve} found nothing to refuse. */
    Job newJob(Checked checked, Resolved resolved, long nowMillis) {
        CreateJobCommand command = checked.command();
        return new Job(command.jobId(), checked.selection(), JobRollouts.initialStatus(resolved.runConfig(), nowMillis),
                resolved.document(), command.description(), command.targets(), resolved.inProgressTimeoutMinutes(), false, null, null,
                nowMillis, nowMillis, null, resolved.runConfig(),
                resolved.template() == null ? null : arns.jobTemplate(resolved.template().jobTemplateId()), checked.parameters(),
                resolved.documentBeforeSubstitution());
    }

    /** The target groups, in target order; the first thing or group that does not exist is refused. */
    List<ThingGroup> requireTargets(StoreReader reader, JobTargets targets) {
        Problems problems = new Problems();
        List<ThingGroup> groups = new ArrayList<>();
        resolveTargets(reader, targets, groups, new ArrayList<>(), new ArrayList<>(), problems);
        problems.throwFirst();
        return groups;
    }

    private static void resolveTargets(StoreReader reader, JobTargets targets, List<ThingGroup> groups, List<String> missingThings,
                                       List<String> missingGroups, Problems problems) {
        for (String thingName : targets.thingNames()) {
            if (reader.findThing(thingName).isEmpty()) {
                missingThings.add(thingName);
                problems.add(NotFound.targetThing(thingName));
            }
        }
        for (String groupName : targets.groupNames()) {
            Optional<ThingGroup> group = reader.findThingGroup(groupName);
            if (group.isPresent()) {
                groups.add(group.get());
            } else {
                missingGroups.add(groupName);
                problems.add(NotFound.targetThingGroup(groupName));
            }
        }
    }

    private static String substituted(JobTemplate template, Map<String, String> parameters) {
        String document = DocumentParameters.substitute(template.document(), parameters);
        if (!document.equals(template.document())) {
            JobDocuments.validate(document);
        }
        return document;
    }

    /** At least one and at most a hundred targets, each a thing or thing-group ARN. */
    JobTargets targets(String field, List<String> targetArns) {
        Validator.required(field, targetArns);
        if (targetArns.isEmpty()) {
            throw Validator.invalid(field, "[]", "Member must have length greater than or equal to 1");
        }
        if (targetArns.size() > Constraints.TARGETS_MAX) {
            throw Validator.invalid(field, null, "Member must have length less than or equal to " + Constraints.TARGETS_MAX);
        }
        return arns.targets(field, targetArns);
    }

    private String templateId(String jobTemplateArn) {
        if (jobTemplateArn == null) {
            return null;
        }
        Validator.length("jobTemplateArn", jobTemplateArn, 1, TEMPLATE_ARN_MAX);
        Validator.pattern("jobTemplateArn", jobTemplateArn, TEMPLATE_ARN);
        return arns.nameOf("jobTemplateArn", jobTemplateArn, ResourceArn.Type.JOB_TEMPLATE);
    }

    private static Map<String, String> documentParameters(Map<String, String> parameters, boolean fromTemplate) {
        if (parameters == null || parameters.isEmpty()) {
            return Map.of();
        }
        if (!fromTemplate) {
            throw new InvalidRequestException("documentParameters can only be used with jobTemplateArn: they fill the "
                    + "${aws:iot:parameter:<key>} placeholders of the template's document.");
        }
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            Validator.name("documentParameters.key", entry.getKey(), Constraints.PARAMETER_KEY, Constraints.PARAMETER_KEY_MAX);
            String field = "documentParameters." + entry.getKey();
            Validator.required(field, entry.getValue());
            Validator.length(field, entry.getValue(), 1, Constraints.PARAMETER_VALUE_MAX);
            Validator.pattern(field, entry.getValue(), Constraints.NO_CONTROL_CHARS);
        }
        return parameters;
    }
}
