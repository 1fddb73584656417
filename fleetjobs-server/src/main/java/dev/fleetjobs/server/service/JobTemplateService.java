package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.ConflictException;
import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobTemplate;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.RunConfigValidator;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.Page;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Custom job templates: a document and run configuration that jobs are created from (spec 4.3). There is no update, as on AWS. */
public final class JobTemplateService {

    private final JobStore store;
    private final Clock clock;
    private final Arns arns;

    public JobTemplateService(JobStore store, Clock clock, Arns arns) {
        this.store = store;
        this.clock = clock;
        this.arns = arns;
    }

    /**
     * Creates a template from a document or from an existing job (its document as written,
     * placeholders included, its timeout and the template part of its run configuration; each
     * block given here wins over the job's).
     *
     * @param jobArn     the job to copy, or null when {@code document} is given
     * @param runConfig  the blocks given, {@link JobRunConfig#NONE} when none
     */
    public CompletableFuture<JobTemplate> create(String jobTemplateId, String description, String document, String jobArn,
                                                 Long inProgressTimeoutMinutes, JobRunConfig runConfig, List<Tag> tags) {
        Validator.name("jobTemplateId", jobTemplateId, Constraints.JOB_ID, Constraints.JOB_ID_MAX);
        Validator.required("description", description);
        Validator.optionalText("description", description, Constraints.DESCRIPTION_MAX);
        if ((document == null) == (jobArn == null)) {
            throw new InvalidRequestException("Give either document or jobArn (the job to copy), not both and not neither.");
        }
        if (document != null) {
            JobDocuments.validate(document);
        }
        String jobId = jobArn == null ? null : arns.nameOf("jobArn", jobArn, ResourceArn.Type.JOB);
        Validator.timeoutMinutes("timeoutConfig.inProgressTimeoutInMinutes", inProgressTimeoutMinutes, false);
        RunConfigValidator.validateTemplate(runConfig);
        List<Tag> validTags = Tags.validateForCreate(tags);
        return store.write(tx -> {
            if (tx.findJobTemplate(jobTemplateId).isPresent()) {
                throw new ConflictException("Job template " + jobTemplateId + " already exists.", jobTemplateId);
            }
            String templateDocument = document;
            Long timeout = inProgressTimeoutMinutes;
            JobRunConfig config = runConfig;
            if (jobId != null) {
                Job job = tx.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
                templateDocument = job.rawDocument();
                timeout = timeout != null ? timeout : job.inProgressTimeoutMinutes();
                config = config.withDefaultsFrom(job.runConfig().templatePart());
            }
            JobDocuments.checkPresignedUrls(templateDocument, templateDocument, config.presignedUrlConfig(), false);
            JobTemplate template = new JobTemplate(jobTemplateId, description, templateDocument, timeout, config, clock.millis());
            tx.insertJobTemplate(template);
            tx.putTags(arns.jobTemplate(jobTemplateId), validTags);
            return template;
        });
    }

    public CompletableFuture<JobTemplate> describe(String jobTemplateId) {
        Validator.name("jobTemplateId", jobTemplateId, Constraints.JOB_ID, Constraints.JOB_ID_MAX);
        return store.read(reader -> reader.findJobTemplate(jobTemplateId).orElseThrow(() -> NotFound.jobTemplate(jobTemplateId)));
    }

    public CompletableFuture<Page<JobTemplate>> list(String cursor, int maxResults) {
        return store.read(reader -> reader.jobTemplates(cursor, maxResults));
    }

    /** Deletes the template; jobs made from it keep their document and their jobTemplateArn. */
    public CompletableFuture<Void> delete(String jobTemplateId) {
        Validator.name("jobTemplateId", jobTemplateId, Constraints.JOB_ID, Constraints.JOB_ID_MAX);
        return store.write(tx -> {
            if (!tx.deleteJobTemplate(jobTemplateId)) {
                throw NotFound.jobTemplate(jobTemplateId);
            }
            tx.deleteTags(arns.jobTemplate(jobTemplateId));
            return null;
        });
    }
}
