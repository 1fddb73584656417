package dev.fleetjobs.store.sql;

/** Every statement the store runs, in one place. Parameters are always bound, never spliced. */
final class Sql {

    private Sql() {
    }

    static final String SAVEPOINT = "SAVEPOINT unit_of_work";
    static final String ROLLBACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT unit_of_work";
    static final String RELEASE_SAVEPOINT = "RELEASE SAVEPOINT unit_of_work";

    static final String STATEMENT_SAVEPOINT = "SAVEPOINT statement";
    static final String ROLLBACK_TO_STATEMENT_SAVEPOINT = "ROLLBACK TO SAVEPOINT statement";
    static final String RELEASE_STATEMENT_SAVEPOINT = "RELEASE SAVEPOINT statement";

    // things

    static final String THING_COLUMNS = "thing_name, thing_id, attributes, version, created_at";

    static final String INSERT_THING = "INSERT INTO things (" + THING_COLUMNS + ")"
            + " VALUES (:thingName, :thingId, :attributes, :version, :createdAt)";

    static final String UPDATE_THING = "UPDATE things SET attributes = :attributes, version = :version"
            + " WHERE thing_name = :thingName AND version = :expectedVersion";

    static final String DELETE_THING = "DELETE FROM things WHERE thing_name = :thingName";

    static final String INSERT_THING_ATTRIBUTE = "INSERT INTO thing_attributes (thing_name, name, value)"
            + " VALUES (:thingName, :name, :value)";

    static final String DELETE_THING_ATTRIBUTES = "DELETE FROM thing_attributes WHERE thing_name = :thingName";

    static final String FIND_THING = "SELECT " + THING_COLUMNS + " FROM things WHERE thing_name = :thingName";

    static final String THINGS_AFTER = "SELECT " + THING_COLUMNS + " FROM things"
            + " WHERE thing_name > :after ORDER BY thing_name LIMIT :limit";

    static final String THINGS_FIRST = "SELECT " + THING_COLUMNS + " FROM things"
            + " ORDER BY thing_name LIMIT :limit";

    /** :value null matches any value; :valueEnd null matches exactly :value, otherwise the range [:value, :valueEnd). */
    static final String THINGS_WITH_ATTRIBUTE = "SELECT " + THING_COLUMNS + " FROM things"
            + " WHERE thing_name IN (SELECT thing_name FROM thing_attributes WHERE name = :name"
            + " AND (:value IS NULL OR (:valueEnd IS NULL AND value = :value)"
            + " OR (value >= :value AND value < :valueEnd)))"
            + " AND thing_name > :after ORDER BY thing_name LIMIT :limit";

    // jobs

    static final String JOB_COLUMNS = "job_id, target_selection, status, document, description, targets,"
            + " in_progress_timeout_minutes, force_canceled, reason_code, comment, created_at, last_updated_at,"
            + " completed_at, run_config, job_template_arn, document_parameters, document_before_substitution";

    static final String INSERT_JOB = "INSERT INTO jobs (" + JOB_COLUMNS + ", windowed)"
            + " VALUES (:jobId, :targetSelection, :status, :document, :description, :targets,"
            + " :inProgressTimeoutMinutes, :forceCanceled, :reasonCode, :comment, :createdAt, :lastUpdatedAt,"
            + " :completedAt, :runConfig, :jobTemplateArn, :documentParameters, :documentBeforeSubstitution, :windowed)";

    static final String UPDATE_JOB = "UPDATE jobs SET target_selection = :targetSelection, status = :status,"
            + " document = :document, description = :description, targets = :targets,"
            + " in_progress_timeout_minutes = :inProgressTimeoutMinutes, force_canceled = :forceCanceled,"
            + " reason_code = :reasonCode, comment = :comment, created_at = :createdAt,"
            + " last_updated_at = :lastUpdatedAt, completed_at = :completedAt, run_config = :runConfig, windowed = :windowed,"
            + " job_template_arn = :jobTemplateArn, document_parameters = :documentParameters,"
            + " document_before_substitution = :documentBeforeSubstitution"
            + " WHERE job_id = :jobId";

    static final String FIND_JOB = "SELECT " + JOB_COLUMNS + " FROM jobs WHERE job_id = :jobId";

    static final String DELETE_JOB = "DELETE FROM jobs WHERE job_id = :jobId";

    /** Every filter is optional: a null parameter matches every job. */
    static final String JOBS = "SELECT " + JOB_COLUMNS + " FROM jobs"
            + " WHERE job_id > :after AND (:status IS NULL OR status = :status)"
            + " AND (:targetSelection IS NULL OR target_selection = :targetSelection)"
            + " AND (:groupName IS NULL OR job_id IN (SELECT job_id FROM job_target_groups WHERE group_name = :groupName))"
            + " AND (:groupId IS NULL OR job_id IN (SELECT job_id FROM job_target_groups WHERE group_id = :groupId))"
            + " ORDER BY job_id LIMIT :limit";

    static final String COUNT_JOBS_WITH_STATUS = "SELECT COUNT(*) FROM jobs WHERE status = :status";

    static final String INSERT_JOB_TARGET_GROUP = "INSERT INTO job_target_groups (job_id, group_name, group_id)"
            + " VALUES (:jobId, :groupName, :groupId) ON CONFLICT (job_id, group_name) DO NOTHING";

    static final String JOB_TARGET_GROUPS = "SELECT group_name, group_id FROM job_target_groups"
            + " WHERE job_id = :jobId ORDER BY group_name";

    static final String CONTINUOUS_JOBS_TARGETING = "SELECT " + JOB_COLUMNS + " FROM jobs"
            + " WHERE status = 'IN_PROGRESS' AND target_selection = 'CONTINUOUS'"
            + " AND job_id IN (SELECT job_id FROM job_target_groups WHERE group_name IN (<groupNames>))"
            + " ORDER BY job_id";

    // executions

    static final String EXECUTION_COLUMNS = "seq, job_id, thing_name, execution_number, status, status_details,"
            + " queued_at, started_at, last_updated_at, version_number, step_timeout_minutes, step_deadline,"
            + " force_canceled, retry_attempt, in_progress_deadline";

    static final String INSERT_EXECUTION = "INSERT INTO job_executions (job_id, thing_name, execution_number,"
            + " status, pending_rank, status_details, queued_at, started_at, last_updated_at, version_number,"
            + " step_timeout_minutes, step_deadline, force_canceled, retry_attempt, in_progress_deadline, timeout_at)"
            + " VALUES (:jobId, :thingName, :executionNumber, :status, :pendingRank, :statusDetails, :queuedAt,"
            + " :startedAt, :lastUpdatedAt, :versionNumber, :stepTimeoutMinutes, :stepDeadline, :forceCanceled,"
            + " :retryAttempt, :inProgressDeadline, :timeoutAt)";

    static final String UPDATE_EXECUTION = "UPDATE job_executions SET status = :status, pending_rank = :pendingRank,"
            + " status_details = :statusDetails, queued_at = :queuedAt, started_at = :startedAt,"
            + " last_updated_at = :lastUpdatedAt, version_number = :versionNumber,"
            + " step_timeout_minutes = :stepTimeoutMinutes, step_deadline = :stepDeadline,"
            + " force_canceled = :forceCanceled, retry_attempt = :retryAttempt,"
            + " in_progress_deadline = :inProgressDeadline, timeout_at = :timeoutAt"
            + " WHERE job_id = :jobId AND thing_name = :thingName AND execution_number = :executionNumber"
            + " AND version_number = :expectedVersion";

    static final String EXECUTION_STATUS = "SELECT status FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName AND execution_number = :executionNumber";

    static final String DELETE_EXECUTION = "DELETE FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName AND execution_number = :executionNumber";

    static final String FIND_EXECUTION = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName AND execution_number = :executionNumber";

    static final String FIND_LATEST_EXECUTION = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName ORDER BY execution_number DESC LIMIT 1";

    /** Every execution of the job on the things, oldest number first, so the last one per thing is its latest. */
    static final String EXECUTIONS_OF_THINGS = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name IN (<thingNames>) ORDER BY thing_name, execution_number";

    static final String NEXT_EXECUTION_NUMBER = "SELECT COALESCE(MAX(execution_number), 0) + 1 FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName";

    static final String PENDING_EXECUTIONS = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE thing_name = :thingName AND pending_rank IS NOT NULL"
            + " ORDER BY pending_rank, queued_at, seq LIMIT :limit";

    static final String EXECUTIONS_FOR_JOB = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :key AND seq > :after ORDER BY seq LIMIT :limit";

    static final String EXECUTIONS_FOR_JOB_WITH_STATUS = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :key AND status = :status AND seq > :after ORDER BY seq LIMIT :limit";

    static final String EXECUTIONS_FOR_THING = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE thing_name = :key AND seq > :after ORDER BY seq LIMIT :limit";

    static final String EXECUTIONS_FOR_THING_WITH_STATUS = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE thing_name = :key AND status = :status AND seq > :after ORDER BY seq LIMIT :limit";

    /** :status null matches every status. */
    static final String EXECUTIONS_FOR_THING_AND_JOB = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :key AND (:status IS NULL OR status = :status) AND seq > :after"
            + " ORDER BY seq LIMIT :limit";

    // what devices are offered: IN_PROGRESS executions always, QUEUED ones unless their job is
    // SCHEDULED (before its start, or between maintenance windows) or paused

    static final String OFFERED_EXECUTIONS = "SELECT " + prefixed("e.", EXECUTION_COLUMNS) + ", j.windowed AS job_windowed"
            + " FROM job_executions e JOIN jobs j ON j.job_id = e.job_id"
            + " WHERE e.thing_name = :thingName AND e.pending_rank IS NOT NULL"
            + " AND (e.pending_rank = 0 OR (j.status <> 'SCHEDULED' AND j.paused_at IS NULL))"
            + " ORDER BY e.pending_rank, e.queued_at, e.seq LIMIT :limit";

    static final String EXECUTION_HISTORY = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName ORDER BY execution_number";

    // timers and rollouts

    static final String EXPIRED_EXECUTIONS = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE timeout_at IS NOT NULL AND timeout_at <= :now ORDER BY timeout_at, seq LIMIT :limit";

    static final String NEXT_TIMEOUT = "SELECT MIN(timeout_at) FROM job_executions WHERE timeout_at IS NOT NULL";

    static final String ROLLOUT_COLUMNS = "job_id, notified, remaining, window_start, released_in_window, end_applied, due_at";

    static final String INSERT_ROLLOUT = "INSERT INTO job_rollouts (" + ROLLOUT_COLUMNS + ")"
            + " VALUES (:jobId, :notified, :remaining, :windowStart, :releasedInWindow, :endApplied, :dueAt)";

    static final String UPDATE_ROLLOUT = "UPDATE job_rollouts SET notified = :notified, remaining = :remaining,"
            + " window_start = :windowStart, released_in_window = :releasedInWindow, end_applied = :endApplied, due_at = :dueAt"
            + " WHERE job_id = :jobId";

    static final String FIND_ROLLOUT = "SELECT " + ROLLOUT_COLUMNS + " FROM job_rollouts WHERE job_id = :jobId";

    static final String DUE_ROLLOUTS = "SELECT job_id FROM job_rollouts"
            + " WHERE due_at IS NOT NULL AND due_at <= :now ORDER BY due_at LIMIT :limit";

    static final String NEXT_ROLLOUT_DUE = "SELECT MIN(due_at) FROM job_rollouts WHERE due_at IS NOT NULL";

    static final String INSERT_ROLLOUT_TARGET = "INSERT INTO rollout_targets (job_id, position, thing_name)"
            + " VALUES (:jobId, :position, :thingName)";

    static final String NEXT_ROLLOUT_TARGETS = "SELECT position, thing_name FROM rollout_targets"
            + " WHERE job_id = :jobId ORDER BY position LIMIT :limit";

    static final String DELETE_ROLLOUT_TARGETS_THROUGH = "DELETE FROM rollout_targets WHERE job_id = :jobId AND position <= :position";

    static final String LAST_ROLLOUT_POSITION = "SELECT COALESCE(MAX(position), -1) FROM rollout_targets WHERE job_id = :jobId";

    static final String DELETE_ROLLOUT_TARGETS = "DELETE FROM rollout_targets WHERE job_id = :jobId";

    static final String HAS_PRINCIPALS = "SELECT COUNT(*) FROM thing_principals WHERE thing_name = :thingName";

    // progress counts

    static final String ADD_TO_COUNT = "INSERT INTO job_execution_counts (job_id, status, count)"
            + " VALUES (:jobId, :status, :delta)"
            + " ON CONFLICT (job_id, status) DO UPDATE SET count = job_execution_counts.count + excluded.count";

    static final String COUNTS = "SELECT status, count FROM job_execution_counts WHERE job_id = :jobId";

    /** A column list with every column qualified by a table alias such as {@code e.}. */
    private static String prefixed(String alias, String columns) {
        return alias + String.join(", " + alias, columns.split(",\\s*"));
    }

    // thing groups

    static final String GROUP_COLUMNS = "group_name, group_id, description, attributes, version, created_at";

    static final String INSERT_GROUP = "INSERT INTO thing_groups (group_name, group_id, parent_name, root_name, description,"
            + " attributes, version, created_at)"
            + " VALUES (:groupName, :groupId, :parentName, :rootName, :description, :attributes, :version, :createdAt)";

    static final String INSERT_GROUP_ANCESTOR = "INSERT INTO thing_group_ancestors (group_name, ancestor_name, distance)"
            + " VALUES (:groupName, :ancestorName, :distance)";

    static final String UPDATE_GROUP = "UPDATE thing_groups SET description = :description, attributes = :attributes,"
            + " version = :version WHERE group_name = :groupName AND version = :expectedVersion";

    static final String DELETE_GROUP = "DELETE FROM thing_groups WHERE group_name = :groupName";

    static final String FIND_GROUP = "SELECT " + GROUP_COLUMNS + " FROM thing_groups WHERE group_name = :groupName";

    /** The ancestors of the groups, farthest first: what makes each one's root-to-parent list. */
    static final String ANCESTORS_OF_GROUPS = "SELECT group_name, ancestor_name FROM thing_group_ancestors"
            + " WHERE group_name IN (<groupNames>) AND distance > 0 ORDER BY group_name, distance DESC";

    static final String CHILD_GROUP_COUNT = "SELECT COUNT(*) FROM thing_groups WHERE parent_name = :groupName";

    /** :prefix null matches every name; otherwise names in [:prefix, :prefixEnd). */
    private static final String NAME_FILTER = " AND group_name > :after"
            + " AND (:prefix IS NULL OR (group_name >= :prefix AND group_name < :prefixEnd))"
            + " ORDER BY group_name LIMIT :limit";

    static final String ALL_GROUP_NAMES = "SELECT group_name FROM thing_groups WHERE 1 = 1" + NAME_FILTER;

    static final String ROOT_GROUP_NAMES = "SELECT group_name FROM thing_groups WHERE parent_name IS NULL" + NAME_FILTER;

    static final String CHILD_GROUP_NAMES = "SELECT group_name FROM thing_groups WHERE parent_name = :parent" + NAME_FILTER;

    static final String DESCENDANT_GROUP_NAMES = "SELECT group_name FROM thing_group_ancestors"
            + " WHERE ancestor_name = :parent AND distance > 0" + NAME_FILTER;

    /** The group and its descendants from :from on, by name: the groups a recursive member walk visits in turn. */
    static final String SUBTREE_GROUPS_FROM = "SELECT group_name FROM thing_group_ancestors"
            + " WHERE ancestor_name = :root AND group_name >= :from ORDER BY group_name LIMIT :limit";

    static final String ADD_MEMBER = "INSERT INTO thing_group_members (group_name, thing_name) VALUES (:groupName, :thingName)"
            + " ON CONFLICT (group_name, thing_name) DO NOTHING";

    static final String REMOVE_MEMBER = "DELETE FROM thing_group_members WHERE group_name = :groupName AND thing_name = :thingName";

    static final String MEMBERS_AFTER = "SELECT thing_name FROM thing_group_members"
            + " WHERE group_name = :groupName AND thing_name > :after AND seq <= :joinedUpTo ORDER BY thing_name LIMIT :limit";

    static final String LAST_MEMBERSHIP_SEQ = "SELECT COALESCE(MAX(seq), 0) FROM thing_group_members";

    static final String GROUPS_OF_THING = "SELECT " + GROUP_COLUMNS + " FROM thing_groups"
            + " WHERE group_name IN (SELECT group_name FROM thing_group_members WHERE thing_name = :thingName)"
            + " ORDER BY group_name";

    static final String GROUP_NAMES_OF_THING = "SELECT group_name FROM thing_group_members"
            + " WHERE thing_name = :thingName AND group_name > :after ORDER BY group_name LIMIT :limit";

    // background work on jobs

    static final String WORK_COLUMNS = "seq, job_id, kind, target_arn, group_name, membership_cut, cursor, force";

    static final String INSERT_WORK = "INSERT INTO job_work (job_id, kind, target_arn, group_name, membership_cut, cursor,"
            + " force, turn) VALUES (:jobId, :kind, :targetArn, :groupName, :membershipCut, :cursor, :force, 0)";

    static final String UPDATE_WORK = "UPDATE job_work SET cursor = :cursor,"
            + " turn = (SELECT MAX(turn) FROM job_work) + 1 WHERE seq = :seq";

    static final String DELETE_WORK = "DELETE FROM job_work WHERE seq = :seq";

    static final String WORK_OF_JOB = "SELECT " + WORK_COLUMNS + " FROM job_work WHERE job_id = :jobId ORDER BY seq";

    /** The work whose turn it is; a writer appends the dialect's claim clause, so that two nodes never take the same row. */
    static final String NEXT_WORK = "SELECT " + WORK_COLUMNS + " FROM job_work ORDER BY turn, seq LIMIT 1";

    // job templates

    static final String TEMPLATE_COLUMNS = "job_template_id, description, document, in_progress_timeout_minutes, run_config, created_at";

    static final String INSERT_TEMPLATE = "INSERT INTO job_templates (" + TEMPLATE_COLUMNS + ")"
            + " VALUES (:jobTemplateId, :description, :document, :inProgressTimeoutMinutes, :runConfig, :createdAt)";

    static final String FIND_TEMPLATE = "SELECT " + TEMPLATE_COLUMNS + " FROM job_templates WHERE job_template_id = :jobTemplateId";

    static final String TEMPLATES_AFTER = "SELECT " + TEMPLATE_COLUMNS + " FROM job_templates"
            + " WHERE job_template_id > :after ORDER BY job_template_id LIMIT :limit";

    static final String DELETE_TEMPLATE = "DELETE FROM job_templates WHERE job_template_id = :jobTemplateId";

    // tags

    static final String PUT_TAG = "INSERT INTO tags (resource_arn, tag_key, tag_value) VALUES (:resourceArn, :key, :value)"
            + " ON CONFLICT (resource_arn, tag_key) DO UPDATE SET tag_value = excluded.tag_value";

    static final String REMOVE_TAG = "DELETE FROM tags WHERE resource_arn = :resourceArn AND tag_key = :key";

    static final String DELETE_TAGS = "DELETE FROM tags WHERE resource_arn = :resourceArn";

    static final String TAGS_AFTER = "SELECT tag_key, tag_value FROM tags WHERE resource_arn = :resourceArn AND tag_key > :after"
            + " ORDER BY tag_key LIMIT :limit";

    static final String COUNT_TAGS = "SELECT COUNT(*) FROM tags WHERE resource_arn = :resourceArn";

    // what the nodes of a shared database agree on

    static final String FIND_SETTING = "SELECT value FROM cluster_settings WHERE name = :name";

    static final String INSERT_SETTING = "INSERT INTO cluster_settings (name, value) VALUES (:name, :value)"
            + " ON CONFLICT (name) DO NOTHING";

    static final String PUT_SETTING = "INSERT INTO cluster_settings (name, value) VALUES (:name, :value)"
            + " ON CONFLICT (name) DO UPDATE SET value = excluded.value";

    // the change feed

    static final String APPEND_FEED = "INSERT INTO change_feed (origin, topic, payload, created_at)"
            + " VALUES (:origin, :topic, :payload, :createdAt)";

    static final String FEED_AFTER = "SELECT seq, origin, topic, payload FROM change_feed WHERE seq > :after ORDER BY seq LIMIT :limit";

    static final String FEED_END = "SELECT COALESCE(MAX(seq), 0) FROM change_feed";

    static final String PRUNE_FEED = "DELETE FROM change_feed WHERE created_at < :before";
}
