package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetjobs group ...}: static thing groups, on the paths of the {@code iot} model. */
@Command(name = "group", mixinStandardHelpOptions = true, description = "Creates, shows, lists and deletes thing groups and their members.",
        subcommands = {GroupCommand.Create.class, GroupCommand.Describe.class, GroupCommand.ListGroups.class, GroupCommand.Delete.class,
                GroupCommand.AddThing.class, GroupCommand.RemoveThing.class, GroupCommand.Things.class})
public final class GroupCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a static thing group.")
    static final class Create extends ControlPlaneCommand {

        @Parameters(paramLabel = "NAME", description = "The new group's name.")
        String name;

        @Option(names = "--parent", paramLabel = "GROUP", description = "The group this one belongs to (up to seven levels deep).")
        String parent;

        @Option(names = "--description", paramLabel = "TEXT", description = "A description of the group (thingGroupDescription).")
        String description;

        @Override
        protected int run(ControlPlaneClient client) {
            ObjectNode body = ControlPlaneClient.object();
            if (parent != null) {
                body.put("parentGroupName", parent);
            }
            if (description != null) {
                body.putObject("thingGroupProperties").put("thingGroupDescription", description);
            }
            printObject(client.call("POST", ControlPlaneClient.path("/thing-groups/", name), Map.of(), body));
            return 0;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Shows a thing group.")
    static final class Describe extends ControlPlaneCommand {

        @Parameters(paramLabel = "NAME", description = "The group to show.")
        String name;

        @Override
        protected int run(ControlPlaneClient client) {
            printObject(client.get(ControlPlaneClient.path("/thing-groups/", name), Map.of()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists thing groups, all pages.")
    static final class ListGroups extends ControlPlaneCommand {

        @Option(names = "--parent", paramLabel = "GROUP", description = "Only the children of this group.")
        String parent;

        @Override
        protected int run(ControlPlaneClient client) {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("parentGroup", parent);
            printList(client, "/thing-groups", filters, "thingGroups", new Table("NAME", "ARN"),
                    g -> new Object[] {text(g.get("groupName")), text(g.get("groupArn"))});
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a thing group.")
    static final class Delete extends ControlPlaneCommand {

        @Parameters(paramLabel = "NAME", description = "The group to delete.")
        String name;

        @Override
        protected int run(ControlPlaneClient client) {
            client.call("DELETE", ControlPlaneClient.path("/thing-groups/", name), Map.of(), null);
            confirm("Deleted thing group " + name, "deleted", name);
            return 0;
        }
    }

    /** Adds a thing to a group or removes it: the same request on two paths. */
    abstract static class Membership extends ControlPlaneCommand {

        @Parameters(index = "0", paramLabel = "GROUP", description = "The thing group.")
        String group;

        @Parameters(index = "1", paramLabel = "THING", description = "The thing.")
        String thing;

        abstract String operation();

        /** The confirmation, such as "Added thing %s to group %s". */
        abstract String done();

        @Override
        protected int run(ControlPlaneClient client) {
            ObjectNode body = ControlPlaneClient.object().put("thingGroupName", group).put("thingName", thing);
            client.call("PUT", "/thing-groups/" + operation(), Map.of(), body);
            confirm(String.format(done(), thing, group), "thingGroupName", group);
            return 0;
        }
    }

    @Command(name = "add-thing", mixinStandardHelpOptions = true, description = "Adds a thing to a group.")
    static final class AddThing extends Membership {

        @Override
        String operation() {
            return "addThingToThingGroup";
        }

        @Override
        String done() {
            return "Added thing %s to group %s";
        }
    }

    @Command(name = "remove-thing", mixinStandardHelpOptions = true, description = "Removes a thing from a group.")
    static final class RemoveThing extends Membership {

        @Override
        String operation() {
            return "removeThingFromThingGroup";
        }

        @Override
        String done() {
            return "Removed thing %s from group %s";
        }
    }

    @Command(name = "things", mixinStandardHelpOptions = true, description = "Lists the things in a group.")
    static final class Things extends ControlPlaneCommand {

        @Parameters(paramLabel = "GROUP", description = "The group whose things to list.")
        String group;

        @Option(names = "--recursive", description = "Include the things of child groups.")
        boolean recursive;

        @Override
        protected int run(ControlPlaneClient client) {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("recursive", recursive ? "true" : null);
            printList(client, ControlPlaneClient.path("/thing-groups/", group, "/things"), filters, "things", new Table("THING"),
                    t -> new Object[] {t.asText()});
            return 0;
        }
    }
}
