package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetjobs thing ...}: the thing registry. */
@Command(name = "thing", mixinStandardHelpOptions = true, description = "Registers, shows, lists and deletes things (devices).",
        subcommands = {ThingCommand.Create.class, ThingCommand.Describe.class, ThingCommand.ListThings.class, ThingCommand.Delete.class,
                ThingCommand.Jobs.class})
public final class ThingCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Registers a thing (again with the same attributes is fine).")
    static final class Create extends ControlPlaneCommand {

        @Parameters(paramLabel = "NAME", description = "The thing name.")
        String name;

        @Option(names = "--attribute", paramLabel = "KEY=VALUE", description = "An attribute; repeat for more.")
        Map<String, String> attributes = new LinkedHashMap<>();

        @Override
        protected int run(ControlPlaneClient client) {
            ObjectNode body = ControlPlaneClient.object();
            if (!attributes.isEmpty()) {
                ObjectNode values = body.putObject("attributePayload").putObject("attributes");
                attributes.forEach(values::put);
            }
            printObject(client.call("POST", ControlPlaneClient.path("/things/", name), Map.of(), body));
            return 0;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Shows a thing.")
    static final class Describe extends ControlPlaneCommand {

        @Parameters(paramLabel = "NAME", description = "The thing to show.")
        String name;

        @Override
        protected int run(ControlPlaneClient client) {
            printObject(client.get(ControlPlaneClient.path("/things/", name), Map.of()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every thing, all pages.")
    static final class ListThings extends ControlPlaneCommand {

        @Override
        protected int run(ControlPlaneClient client) {
            printList(client, "/things", Map.of(), "things", new Table("NAME", "VERSION", "ATTRIBUTES", "ARN"),
                    t -> new Object[] {text(t.get("thingName")), text(t.get("version")), text(t.get("attributes")), text(t.get("thingArn"))});
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a thing; its pending executions become REMOVED.")
    static final class Delete extends ControlPlaneCommand {

        @Parameters(paramLabel = "NAME", description = "The thing to delete.")
        String name;

        @Override
        protected int run(ControlPlaneClient client) {
            client.call("DELETE", ControlPlaneClient.path("/things/", name), Map.of(), null);
            confirm("Deleted thing " + name, "deleted", name);
            return 0;
        }
    }

    @Command(name = "jobs", mixinStandardHelpOptions = true, description = "Lists a thing's job executions.")
    static final class Jobs extends ControlPlaneCommand {

        @Parameters(paramLabel = "NAME", description = "The thing whose job executions to list.")
        String name;

        @Option(names = "--status", description = "Only executions in this status.")
        String status;

        @Override
        protected int run(ControlPlaneClient client) {
            printExecutions(client, ControlPlaneClient.path("/things/", name, "/jobs"), status, "JOB", "jobId");
            return 0;
        }
    }
}
