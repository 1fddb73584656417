package dev.fleetjobs.sdk.agent;

/**
 * How one step ended.
 *
 * @param exitCode    the process's exit status; -1 when it never started or was killed
 * @param stdoutTail  the end of its standard output (at most 1024 characters)
 * @param stderrTail  the end of its standard error
 * @param stderrLines how many lines it wrote to standard error
 * @param failure     why the step failed, or null when it succeeded
 */
public record StepResult(int exitCode, String stdoutTail, String stderrTail, int stderrLines, String failure) {

    public boolean succeeded() {
        return failure == null;
    }
}
