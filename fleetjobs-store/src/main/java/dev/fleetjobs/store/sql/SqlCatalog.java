package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.model.JobTemplate;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreConflictException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Background work on jobs, job templates and tags, on the connection of one unit of work. */
final class SqlCatalog {

    private final SqlReader db;

    SqlCatalog(SqlReader db) {
        this.db = db;
    }

    // background work

    List<JobWork> jobWork(String jobId) {
        return db.run("jobWork", h -> h.createQuery(Sql.WORK_OF_JOB).bind("jobId", jobId).map(Rows.WORK).list());
    }

    Optional<JobWork> nextJobWork(boolean claim) {
        String sql = claim ? Sql.NEXT_WORK + db.dialect.claimClause() : Sql.NEXT_WORK;
        return db.run("nextJobWork", h -> h.createQuery(sql).map(Rows.WORK).findOne());
    }

    JobWork insertJobWork(JobWork work) {
        long seq = db.guarded("insertJobWork " + work.jobId(), h -> h.createUpdate(Sql.INSERT_WORK)
                .bind("jobId", work.jobId())
                .bind("kind", work.kind().name())
                .bind("targetArn", work.targetArn())
                .bind("groupName", work.groupName())
                .bind("membershipCut", work.membershipCut())
                .bind("cursor", work.cursor())
                .bind("force", Rows.flag(work.force()))
                .executeAndReturnGeneratedKeys("seq").mapTo(Long.class).one());
        return new JobWork(seq, work.jobId(), work.kind(), work.targetArn(), work.groupName(), work.membershipCut(), work.cursor(),
                work.force());
    }

    void updateJobWork(JobWork work) {
        int rows = db.run("updateJobWork", h -> h.createUpdate(Sql.UPDATE_WORK).bind("seq", work.seq()).bind("cursor", work.cursor())
                .execute());
        if (rows == 0) {
            throw new StoreConflictException("updateJobWork: no work " + work.seq());
        }
    }

    void deleteJobWork(long seq) {
        db.run("deleteJobWork", h -> h.createUpdate(Sql.DELETE_WORK).bind("seq", seq).execute());
    }

    // job templates

    Optional<JobTemplate> findJobTemplate(String jobTemplateId) {
        return db.run("findJobTemplate", h -> h.createQuery(Sql.FIND_TEMPLATE).bind("jobTemplateId", jobTemplateId)
                .map(Rows.TEMPLATE).findOne());
    }

    Page<JobTemplate> jobTemplates(String cursor, int limit) {
        Paging.checkLimit(limit);
        String after = Cursors.keyOrStart(Cursors.Kind.TEMPLATE, cursor);
        List<JobTemplate> rows = db.run("jobTemplates", h -> h.createQuery(Sql.TEMPLATES_AFTER).bind("after", after)
                .bind("limit", limit + 1).map(Rows.TEMPLATE).list());
        return Paging.cut(rows, limit, t -> Cursors.of(Cursors.Kind.TEMPLATE, t.jobTemplateId()));
    }

    void insertJobTemplate(JobTemplate template) {
        db.guarded("insertJobTemplate " + template.jobTemplateId(), h -> h.createUpdate(Sql.INSERT_TEMPLATE)
                .bind("jobTemplateId", template.jobTemplateId())
                .bind("description", template.description())
                .bind("document", template.document())
                .bind("inProgressTimeoutMinutes", template.inProgressTimeoutMinutes())
                .bind("runConfig", Json.writeRunConfig(template.runConfig()))
                .bind("createdAt", template.createdAtMillis())
                .execute());
    }

    boolean deleteJobTemplate(String jobTemplateId) {
        return db.run("deleteJobTemplate", h -> h.createUpdate(Sql.DELETE_TEMPLATE).bind("jobTemplateId", jobTemplateId)
                .execute()) > 0;
    }

    // tags

    Page<Tag> tags(String resourceArn, String cursor, int limit) {
        Paging.checkLimit(limit);
        String after = Cursors.keyOrStart(Cursors.Kind.TAG, cursor);
        List<Tag> rows = db.run("tags", h -> h.createQuery(Sql.TAGS_AFTER).bind("resourceArn", resourceArn).bind("after", after)
                .bind("limit", limit + 1).map(Rows.TAG).list());
        return Paging.cut(rows, limit, t -> Cursors.of(Cursors.Kind.TAG, t.key()));
    }

    long countTags(String resourceArn) {
        return db.run("countTags", h -> h.createQuery(Sql.COUNT_TAGS).bind("resourceArn", resourceArn).mapTo(Long.class).one());
    }

    void putTags(String resourceArn, Collection<Tag> tags) {
        for (Tag tag : tags) {
            db.guarded("putTag", h -> h.createUpdate(Sql.PUT_TAG).bind("resourceArn", resourceArn).bind("key", tag.key())
                    .bind("value", tag.value()).execute());
        }
    }

    void removeTags(String resourceArn, Collection<String> keys) {
        for (String key : keys) {
            db.run("removeTag", h -> h.createUpdate(Sql.REMOVE_TAG).bind("resourceArn", resourceArn).bind("key", key).execute());
        }
    }

    void deleteTags(String resourceArn) {
        db.run("deleteTags", h -> h.createUpdate(Sql.DELETE_TAGS).bind("resourceArn", resourceArn).execute());
    }
}
