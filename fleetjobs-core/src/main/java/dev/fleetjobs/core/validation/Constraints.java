package dev.fleetjobs.core.validation;

import java.util.regex.Pattern;

/** The name patterns and limits of the AWS models that more than one operation shares. */
public final class Constraints {

    private Constraints() {
    }

    public static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]+");
    public static final int THING_NAME_MAX = 128;
    public static final Pattern JOB_ID = Pattern.compile("[a-zA-Z0-9_-]+");
    public static final int JOB_ID_MAX = 64;
    public static final Pattern DETAILS_KEY = Pattern.compile("[a-zA-Z0-9:_-]+");
    public static final int DETAILS_KEY_MAX = 128;
    /** Any text without Unicode category C (control, format, unassigned, private use, surrogates). */
    public static final Pattern NO_CONTROL_CHARS = Pattern.compile("[^\\p{C}]+");
    public static final int DETAILS_VALUE_MAX = 1024;
    public static final int DETAILS_MAX_PAIRS = 10;
    public static final long TIMEOUT_MINUTES_MIN = 1;
    public static final long TIMEOUT_MINUTES_MAX = 10080;
    public static final int JOB_DOCUMENT_MAX = 32768;
    public static final int DESCRIPTION_MAX = 2028;
    public static final Pattern REASON_CODE = Pattern.compile("[\\p{Upper}\\p{Digit}_]+");
    public static final int REASON_CODE_MAX = 128;
    public static final int TARGET_ARN_MAX = 2048;
    public static final int TARGETS_MAX = 100;
    public static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z0-9_.,@/:#-]+");
    public static final int ATTRIBUTE_NAME_MAX = 128;
    public static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[a-zA-Z0-9_.,@/:#=\\[\\]-]*");
    public static final int ATTRIBUTE_VALUE_MAX = 800;
    /** Without a thing type a thing may carry at most three attributes (spec 4.5). */
    public static final int ATTRIBUTES_MAX = 3;
    public static final Pattern GROUP_ID = Pattern.compile("[a-zA-Z0-9\\-]+");
    /** A thing group may carry at most fifty attributes. */
    public static final int GROUP_ATTRIBUTES_MAX = 50;
    public static final Pattern GROUP_DESCRIPTION = Pattern.compile("[\\p{Graph}\\x20]*");
    public static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    public static final int TAG_KEY_MAX = 128;
    public static final int TAG_VALUE_MAX = 256;
    /** A resource carries at most fifty tags. */
    public static final int TAGS_MAX = 50;
    public static final Pattern PARAMETER_KEY = Pattern.compile("[a-zA-Z0-9_-]+");
    public static final int PARAMETER_KEY_MAX = 128;
    public static final int PARAMETER_VALUE_MAX = 30720;
    /** At most ten jobs may be in DELETION_IN_PROGRESS at once (DeleteJob model doc). */
    public static final int DELETING_JOBS_MAX = 10;
    public static final int MAX_RESULTS_MIN = 1;
    public static final int MAX_RESULTS_MAX = 250;
    public static final Pattern CERTIFICATE_ID = Pattern.compile("(0x)?[a-fA-F0-9]+");
    public static final int CERTIFICATE_ID_LENGTH = 64;
    public static final int CERTIFICATE_PEM_MAX = 65536;
    /** No label of either model is longer; labels without a pattern of their own are held to it. */
    public static final int LABEL_MAX = 2048;
    /** GetPendingJobExecutions answers with at most this many executions (spec 6). */
    public static final int PENDING_LIST_CAP = 10;
    /** ... plus at most this many of jobs offered only inside maintenance windows (spec 6). */
    public static final int PENDING_LIST_WINDOWED_MAX = 5;
    public static final int PENDING_LIST_CAP_WITH_SCHEDULING = PENDING_LIST_CAP + PENDING_LIST_WINDOWED_MAX;
}
