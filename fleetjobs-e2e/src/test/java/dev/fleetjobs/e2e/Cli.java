package dev.fleetjobs.e2e;

import dev.fleetjobs.cli.FleetjobsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** The {@code fleetjobs} command run in-process, as a user would type it. */
final class Cli {

    private static final Pattern EXPORT = Pattern.compile("export (AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY)=(\\S+)");

    /** What a command printed and how it exited. */
    record Result(int exitCode, String out, String err) {
    }

    /** An access key printed by {@code credentials add}. */
    record Key(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "Key[" + accessKeyId + "]";
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = FleetjobsCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static Key addKey(java.nio.file.Path dataDir, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "credentials";
        args[1] = "add";
        args[2] = "--data-dir";
        args[3] = dataDir.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("credentials add failed: " + result.err());
        }
        String id = null;
        String secret = null;
        Matcher matcher = EXPORT.matcher(result.out());
        while (matcher.find()) {
            if (matcher.group(1).equals("AWS_ACCESS_KEY_ID")) {
                id = matcher.group(2);
            } else {
                secret = matcher.group(2);
            }
        }
        return new Key(id, secret);
    }
}
